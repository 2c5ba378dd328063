/**
 * Macao's place words, which a general corpus barely knows (it has 澳门币 but not 澳门): parishes,
 * districts and the words of an address. Kept by the project; each first among its pinyin's
 * candidates. Traditional, simplified, reading.
 */
export const MACAU_WORDS: ReadonlyArray<readonly [traditional: string, simplified: string, reading: string]> = [
  ['澳門', '澳门', 'ào mén'],
  // Single characters Macao writes far more often than a general corpus does.
  ['澳', '澳', 'ào'],
  ['氹', '氹', 'dàng'],
  ['氹仔', '氹仔', 'dàng zǎi'],
  ['路環', '路环', 'lù huán'],
  ['路氹', '路氹', 'lù dàng'],
  ['新馬路', '新马路', 'xīn mǎ lù'],
  ['大馬路', '大马路', 'dà mǎ lù'],
  ['大堂', '大堂', 'dà táng'],
  ['花地瑪', '花地玛', 'huā dì mǎ'],
  ['風順堂', '风顺堂', 'fēng shùn táng'],
  ['望德堂', '望德堂', 'wàng dé táng'],
  ['聖安多尼', '圣安多尼', 'shèng ān duō ní'],
  ['嘉模', '嘉模', 'jiā mó'],
  ['黑沙環', '黑沙环', 'hēi shā huán'],
  ['筷子基', '筷子基', 'kuài zi jī'],
  ['青洲', '青洲', 'qīng zhōu'],
  ['下環', '下环', 'xià huán'],
  ['南灣', '南湾', 'nán wān'],
  ['西灣', '西湾', 'xī wān'],
  ['前地', '前地', 'qián dì'],
  ['斜巷', '斜巷', 'xié xiàng'],
  ['大廈', '大厦', 'dà shà'],
  ['花園', '花园', 'huā yuán'],
];
