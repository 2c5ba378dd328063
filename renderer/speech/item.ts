/** A spoken item: a message by key, text a platform voice can say, or a datum with the clips that say it (data-items.ts). */
export type Item = { key: string; text: string } | { key?: undefined; text: string; clips?: readonly string[] };
