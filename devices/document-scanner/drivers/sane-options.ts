import type { ColourMode, DocumentScannerCapabilities } from '../contract.js';

/** The resolutions the kiosk uses, offered when the backend allows a range. */
const STANDARD_DPI = [75, 150, 300, 600];

export interface SaneDeviceOptions {
  capabilities: DocumentScannerCapabilities;
  /** The backend's own name of each colour mode (`Color`, `Gray`, …). */
  modeNames: Partial<Record<ColourMode, string>>;
}

/**
 * Reads what `scanimage -d DEVICE -A` prints: the `--mode` list, `--resolution` (a list or a
 * range) and the `-x`/`-y` ranges, which give the bed. Throws when one of them is missing.
 */
export function parseSaneOptions(text: string): SaneDeviceOptions {
  const modeLine = /^\s*--mode\s+(\S+)/m.exec(text)?.[1];
  const modeNames: Partial<Record<ColourMode, string>> = {};
  for (const name of modeLine?.split('|') ?? []) {
    if (/^colou?r$/i.test(name)) modeNames.colour = name;
    else if (/^gr[ae]y(scale)?$/i.test(name)) modeNames.grey = name;
  }
  const resolutionText = /^\s*--resolution\s+([\d.|]+(?:\.\.[\d.]+)?)dpi/m.exec(text)?.[1];
  let resolutions: number[] = [];
  if (resolutionText?.includes('..')) {
    const [low, high] = resolutionText.split('..').map(Number);
    resolutions = STANDARD_DPI.filter((dpi) => dpi >= (low ?? Infinity) && dpi <= (high ?? -Infinity));
  } else if (resolutionText) {
    resolutions = resolutionText.split('|').map(Number).filter((dpi) => Number.isInteger(dpi) && dpi > 0);
  }
  const widthMm = rangeTop(/^\s*-x\s+[\d.]+\.\.([\d.]+)mm/m, text);
  const heightMm = rangeTop(/^\s*-y\s+[\d.]+\.\.([\d.]+)mm/m, text);
  const modes = (['colour', 'grey'] as const).filter((mode) => modeNames[mode] !== undefined);
  if (modes.length === 0 || resolutions.length === 0 || widthMm === undefined || heightMm === undefined) {
    throw new Error('the scanner does not offer colour or grey modes, resolutions and a bed size');
  }
  return { capabilities: { resolutions: resolutions.sort((a, b) => a - b), modes, bed: { widthMm, heightMm } }, modeNames };
}

function rangeTop(pattern: RegExp, text: string): number | undefined {
  const value = Number(pattern.exec(text)?.[1]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
