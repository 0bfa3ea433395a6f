const {eld} = await import('eld/medium');
const LATIN = new Set(['en','es','de','fr','pt','it']);
const groups = {
en: ['Rust vs Go', 'Black holes', 'How volcanoes form', 'Kubernetes for beginners', 'Docker basics', 'Taylor Swift tour', 'Bitcoin explained', 'Tokyo travel tips', 'Pizza dough', 'Sourdough starter', 'Marathon training plan', 'Climate change', 'JavaScript closures', 'Mars rover', 'Yoga at home', 'Best hiking trails', 'Quantum computing', 'Tesla Model 3 review', 'Honey bees', 'Van Gogh', 'Neural networks', 'Volcanoes erupt magma', 'Coffee', 'Hello', 'Dog training', 'Minecraft redstone', 'Elon Musk', 'Linux kernel', 'Ramen recipe', 'Solar panels', 'Top 5 sci-fi books', 'Origami crane', 'Sleep better', 'Budget travel', 'Ocean tides', 'Chess openings', 'Python vs Java', 'World War II', 'Photosynthesis', 'Amsterdam canals', 'Stockholm syndrome', 'Warsaw uprising', 'Istanbul food guide', 'Helsinki sauna culture', 'Why cats purr', 'Paris in spring', 'Pasta carbonara', 'Roman empire', 'Jazz history', 'Espresso at home'],
es: ['Cómo se forman los volcanes', 'Consejos para dormir mejor', 'Historia del café', 'Por qué el cielo es azul', 'La Sagrada Familia', 'Recetas de paella', 'El sistema solar', 'Aprender a programar', 'Viajar por México'],
de: ['Wie Vulkane entstehen', 'Tipps für besseren Schlaf', 'Geschichte des Kaffees', 'Warum der Himmel blau ist', 'Der Rhein', 'Schwarze Löcher', 'Brot backen', 'Die Berliner Mauer', 'Urlaub in Bayern'],
fr: ['Comment se forment les volcans', 'Conseils pour mieux dormir', 'Histoire du café', 'Pourquoi le ciel est bleu', 'La Tour Eiffel', 'Recette de crêpes', 'Le système solaire', 'Apprendre le piano', 'Voyage en Bretagne'],
pt: ['Como se formam os vulcões', 'Dicas para dormir melhor', 'História do café', 'Por que o céu é azul', 'Receita de pão de queijo', 'O sistema solar', 'Viagem a Lisboa', 'Aprender violão'],
it: ['Come si formano i vulcani', 'Consigli per dormire meglio', 'Storia del caffè', 'Perché il cielo è blu', 'Ricetta della pizza', 'Il sistema solare', 'Viaggio a Firenze', 'Imparare a cucinare'],
};
for (const [g, ts] of Object.entries(groups)) for (const t of ts) {
  const r = eld.detect(t); const sc = Object.entries(r.getScores()).filter(([c]) => !['ja','zh','ar','hi'].includes(c)).sort((a,b)=>b[1]-a[1]);
  const top = sc[0]?.[0] ?? ''; const ts_ = sc[0]?.[1] ?? 0; const en = r.getScores().en ?? 0;
  const bl = sc.find(([c]) => LATIN.has(c));
  console.log(g.padEnd(3), (top===g?'OK ':'-- ')+JSON.stringify(t).padEnd(36), top||'""', r.isReliable(), 'en/top', (en/ts_).toFixed(2), 'bestLatinSupported', bl?.[0]);
}
