/**
 * A page a site converted to traditional script is read in its simplified form. OpenCC's dictionaries (opencc-js)
 * rather than a table of our own: the mapping is one character for one in almost every case, so the simplified copy
 * keeps every offset and the findings fall on the writer's own text.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** The package's types resolve for tsc but not for the linter's parser: the one call used, typed here. */
const makeConverter = OpenCC.Converter as unknown as (options: { from: 't'; to: 'cn' }) => (text: string) => string;

/**
 * Characters found only in traditional script (們國說黨與對這…), none of them a character of simplified text; eight or
 * more mark a page a site converted. Reports use the standard simplified characters (《国家通用语言文字法》(2000)
 * 第三条、第十七条；《通用规范汉字表》(2013)).
 */
export const TRADITIONAL = /[們國說黨與對這會來時從開發關經過還進動門問題實現當應該機構義學習貫徹員組織領導幹團結質傳設網絡讀書華語區縣鎮鄉陽樂業務體總報匯議論認識調規範責負監視難變歷產種類價觀達邊個兩萬億專條廣東藝術衛級數據間點聯繫護環農標職參為麼強將紀錄齊陣歸屬壓確興擴軍隊長輿權辦檢雙線項風險優處營號態響運際隨隱聲遠選資療醫續證評講]/g;
export const TRADITIONAL_MIN = 8;

let toSimplified: ((text: string) => string) | undefined;

let lastText: string | undefined;
let lastHits: RegExpMatchArray[] = [];
/**
 * The traditional-only characters of a text. The same text is asked three times per critique (whether to read it
 * simplified, the script warning, stray characters): one scan, remembered for the last text.
 */
export function traditionalHits(text: string): RegExpMatchArray[] {
  if (text !== lastText) {
    lastHits = [...text.matchAll(TRADITIONAL)];
    lastText = text;
  }
  return lastHits;
}

/** The text in simplified script when it is a converted page and the conversion keeps its length; otherwise null. */
export function simplifiedForm(text: string): string | null {
  if (traditionalHits(text).length < TRADITIONAL_MIN) return null;
  // Built on first use: the dictionaries take some 25 ms, which a bot that never meets such a page need not pay.
  const convert = (toSimplified ??= makeConverter({ from: 't', to: 'cn' }));
  const simple = convert(text);
  return simple.length === text.length ? simple : null;
}

/** One traditional character's standard simplified form (輿 → 舆), for a stray one in a simplified page. */
export function simplifiedChar(c: string): string {
  const convert = (toSimplified ??= makeConverter({ from: 't', to: 'cn' }));
  return convert(c);
}

let toTraditional: Map<string, string> | undefined;
/**
 * A simplified string in traditional script where that is one character for one (习近平 → 習近平), for a fix written
 * into a converted page. The table is the t2cn character dictionary already loaded, read backwards: a character with
 * one traditional source takes it, one with several (发: 發, 髮) stays as it is (144 of 3,062). OpenCC's cn2t
 * dictionaries would add some 5 MB and 20 ms to every process that loads the critic, for pages seldom seen.
 */
export function traditionalForm(text: string): string {
  toTraditional ??= reverseCharTable();
  return [...text].map((c) => toTraditional!.get(c) ?? c).join('');
}

function reverseCharTable(): Map<string, string> {
  const dicts = (OpenCC as unknown as { Locale: { to: { cn: [string, string][] } } }).Locale.to.cn;
  const sources = new Map<string, string[]>();
  for (const [, chars] of dicts) {
    for (const pair of chars.split('|')) {
      const [t, s] = pair.split(' ');
      if (!t || !s || t === s || [...t].length !== 1 || [...s].length !== 1) continue;
      sources.set(s, [...(sources.get(s) ?? []), t]);
    }
  }
  return new Map([...sources].filter(([, ts]) => ts.length === 1).map(([s, ts]) => [s, ts[0]!]));
}
