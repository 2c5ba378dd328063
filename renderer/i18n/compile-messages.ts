import { IntlMessageFormat } from 'intl-messageformat';
import { compactAst, type CompiledBundle } from './compiled-messages.js';

/**
 * Build time only (the renderer's Vite config, `kiosk-compiled-locales`): a locale's messages parsed
 * to intl-messageformat's AST, so the renderer ships no ICU parser (issue 20, the entry chunk).
 * Parsed exactly as i18next-icu parsed them at run time (`ignoreTag`: react-i18next's `<0>` tags
 * stay text), in the locale's own language. A message that does not parse fails the build rather
 * than showing its source to a resident.
 */
export function compileMessages(messages: unknown, language: string, path = ''): CompiledBundle {
  if (!messages || typeof messages !== 'object' || Array.isArray(messages)) throw new Error(`locales/${language}.json: ${path || 'the file'} is not an object of messages`);
  const compiled: Record<string, CompiledBundle[string]> = {};
  for (const [key, value] of Object.entries(messages)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value !== 'string') {
      compiled[key] = compileMessages(value, language, at);
      continue;
    }
    let ast;
    try {
      ast = new IntlMessageFormat(value, language, undefined, { ignoreTag: true }).getAst();
    } catch (error) {
      throw new Error(`locales/${language}.json: ${at} is not an ICU message: ${(error as Error).message}`);
    }
    // Text alone (most messages): stored as the text it formats to, read without a formatter.
    const [first] = ast;
    if (!first) compiled[key] = '';
    else if (ast.length === 1 && first.type === 0) compiled[key] = first.value;
    else compiled[key] = [compactAst(ast)];
  }
  return compiled;
}
