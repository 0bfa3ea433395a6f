const {eld} = await import('eld/medium');
const S = new Set(['en','es','de','fr','pt','it','ja','zh','ar','hi']);
const groups = {
en: ['Rust vs Go', 'Black holes', 'How volcanoes form', 'Kubernetes for beginners', 'Docker basics', 'Taylor Swift tour', 'Bitcoin explained', 'Tokyo travel tips', 'Pizza dough', 'Sourdough starter', 'Marathon training plan', 'Climate change', 'JavaScript closures', 'Mars rover', 'Yoga at home', 'Best hiking trails', 'Quantum computing', 'Tesla Model 3 review', 'Honey bees', 'Van Gogh', 'Neural networks', 'Volcanoes erupt magma', 'Coffee', 'Hello', 'Dog training', 'Minecraft redstone', 'Elon Musk', 'Linux kernel', 'Ramen recipe', 'Solar panels', 'Top 5 sci-fi books', 'Origami crane', 'Sleep better', 'Budget travel', 'Ocean tides', 'Chess openings', 'Python vs Java', 'World War II', 'Photosynthesis', 'Amsterdam canals', 'Stockholm syndrome', 'Warsaw uprising', 'Istanbul food guide', 'Helsinki sauna culture', 'Why cats purr'],
nl: ['Hoe vulkanen ontstaan', 'Tips voor beter slapen', 'De geschiedenis van koffie', 'Waarom de lucht blauw is', 'Fietsen in Amsterdam'],
pl: ['Jak powstają wulkany', 'Porady na lepszy sen', 'Historia kawy', 'Dlaczego niebo jest niebieskie', 'Zamek w Malborku'],
tr: ['Volkanlar nasıl oluşur', 'Daha iyi uyku için ipuçları', 'Kahvenin tarihi', 'Gökyüzü neden mavi', 'İstanbul gezi rehberi'],
sv: ['Hur vulkaner bildas', 'Tips för bättre sömn', 'Kaffets historia', 'Varför himlen är blå'],
};
for (const [g, ts] of Object.entries(groups)) for (const t of ts) {
  const r = eld.detect(t); const sc = Object.entries(r.getScores()).sort((a,b)=>b[1]-a[1]);
  const top = r.language; const ts_ = sc[0]?.[1] ?? 0; const bs = sc.find(([c]) => S.has(c));
  const ratio = bs ? (bs[1]/ts_).toFixed(2) : '-';
  if (g !== 'en' || top !== 'en') console.log(g.padEnd(3), JSON.stringify(t).padEnd(36), top||'""', r.isReliable(), 'best supported', bs?.[0], bs?.[1]?.toFixed(2), 'ratio', ratio);
}
