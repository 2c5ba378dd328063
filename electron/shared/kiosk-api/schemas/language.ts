import { z } from 'zod';

/** The kiosk's languages. A file of its own so the host's configuration can name it without loading the whole contract. */
export const Language = z.enum(['zh-Hant', 'zh-Hans', 'pt', 'en']);
export type Language = z.infer<typeof Language>;
