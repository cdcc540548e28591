/** Time is passed in, never read deep inside services, so tests can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
