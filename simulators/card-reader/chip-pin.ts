/**
 * The chip PIN of every simulated ID card, so testers need not look it up. Its own module (not
 * profiles.ts) so the residents' labels can name it without an import cycle.
 */
export const SIMULATED_PIN = '123456';
