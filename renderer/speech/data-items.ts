import type { Item } from './item.js';

/**
 * The data a resident must check, read after the screen's title and prompt: review values, pickup
 * places, the fee, the receipt number, the finger to use. A screen marks each datum in its markup:
 *
 *   data-speak                 read this element (a table row reads "label: value")
 *   data-speak-clips="…"       how to say it from pre-rendered audio: spoken keys, and `#123.4`
 *                              tokens spelled digit by digit (`speech.digit.N`, `speech.data.point`),
 *                              and `%12` counts said as one number (`countClip`)
 *
 * A platform voice reads the element's text. Without clips, the audio engine says "please read the
 * screen" (a name cannot be pre-rendered).
 */
export const DIGIT_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => `speech.digit.${digit}`);

/**
 * Counts said as whole numbers ("Step twelve of fourteen", 第十二步): one to nine are the digits'
 * clips, ten to MAX_SPOKEN_COUNT have their own. A visit never has more steps than that.
 */
export const MAX_SPOKEN_COUNT = 20;
export const COUNT_KEYS = Array.from({ length: MAX_SPOKEN_COUNT - 9 }, (_, i) => `speech.count.${i + 10}`);

/** The clip for a count from 1 to MAX_SPOKEN_COUNT; undefined for any other value. */
export function countClip(count: number): string | undefined {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SPOKEN_COUNT) return undefined;
  return count < 10 ? `speech.digit.${count}` : `speech.count.${count}`;
}

/** `#158.8` → the clips for 1, 5, 8, point, 8; `%12` → the count twelve; any other token is a spoken key as it is. */
export function clipsOf(spec: string): string[] {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((token) => {
      if (token.startsWith('#')) {
        return [...token.slice(1)].flatMap((char) => (/\d/.test(char) ? [`speech.digit.${char}`] : char === '.' || char === ',' ? ['speech.data.point'] : []));
      }
      if (token.startsWith('%')) {
        const clip = countClip(Number(token.slice(1)));
        return clip ? [clip] : [];
      }
      return [token];
    });
}

/** Chinese writes the label's colon full width (：), as the summary rows do; Latin scripts ": ". */
function labelColon(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? element.ownerDocument.documentElement.lang;
  return lang.startsWith('zh') ? '：' : ': ';
}

/** What one marked element says: a row's cells joined "label: value" (Chinese "label：value"), otherwise its text. */
export function spokenText(element: Element): string {
  const cells = element.tagName === 'TR' ? Array.from(element.children).map((cell) => clean(cell.textContent)) : [];
  return cells.length > 1 ? `${cells[0]}${labelColon(element)}${cells.slice(1).join(' ')}` : clean(element.textContent);
}

export function dataItem(element: Element): Item {
  const spec = element.getAttribute('data-speak-clips');
  const text = spokenText(element);
  return spec ? { text, clips: clipsOf(spec) } : { text };
}

function clean(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
