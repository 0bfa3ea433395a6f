/** One short narration per supported language, used by tests and examples. */
export const LANGUAGE_SAMPLES: Record<string, string> = {
	en: 'Volcanoes form where magma rises through the crust. The lava cools into new rock.',
	es: 'Los volcanes se forman donde el magma sube por la corteza. La lava se enfría y forma roca nueva.',
	de: 'Vulkane entstehen dort, wo Magma durch die Kruste aufsteigt. Die Lava kühlt ab und wird zu neuem Gestein.',
	fr: 'Les volcans se forment là où le magma remonte à travers la croûte. La lave refroidit et devient une roche nouvelle.',
	pt: 'Os vulcões se formam onde o magma sobe pela crosta. A lava esfria e vira uma rocha nova.',
	it: 'I vulcani si formano dove il magma risale attraverso la crosta. La lava si raffredda e diventa una roccia nuova.',
	ja: '火山はマグマが地殻を通って上がってくる場所にできます。溶岩は冷えて新しい岩になります。',
	zh: '火山形成于岩浆穿过地壳上升的地方。熔岩冷却后变成新的岩石。',
	ar: 'تتشكل البراكين حيث ترتفع الصهارة عبر القشرة الأرضية. تبرد الحمم وتصبح صخورا جديدة.',
	hi: 'ज्वालामुखी वहाँ बनते हैं जहाँ मैग्मा पृथ्वी की परत से ऊपर उठता है। लावा ठंडा होकर नई चट्टान बन जाता है।',
};
