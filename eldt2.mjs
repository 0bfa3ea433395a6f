const {eld} = await import('eld/medium');
const texts = process.argv.slice(2).length ? process.argv.slice(2) : [
'Hello', 'How volcanoes form', '3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights.', 'Coffee', 'The history of coffee', 'Why the sky is blue', 'Photosynthesis explained', 'Black holes', 'Rust vs Go',
'Wie Vulkane entstehen', 'Comment se forment les volcans', 'Cómo se forman los volcanes', 'Come si formano i vulcani', 'Como se formam os vulcões', 'Der Rhein', 'La Tour Eiffel', 'Café', 'Kaffee',
'火山のでき方', '火山是如何形成的', 'كيف تتشكل البراكين', 'ज्वालामुखी कैसे बनते हैं', 'Как образуются вулканы', 'Hoe vulkanen ontstaan', 'Jak powstają wulkany', 'Volkanlar nasıl oluşur', '화산은 어떻게 만들어지나', 'Πώς σχηματίζονται τα ηφαίστεια', 'ज्वालामुखी कसे तयार होतात', 'آتشفشان‌ها چگونه شکل می‌گیرند',
];
eld.enableTextCleanup(true);
for (const s of texts) { const r = eld.detect(s); const sc = r.getScores(); console.log(JSON.stringify(s).padEnd(50), r.language, r.isReliable(), Object.entries(sc).slice(0,5).map(([k,v])=>k+':'+v.toFixed(2)).join(' ')); }
