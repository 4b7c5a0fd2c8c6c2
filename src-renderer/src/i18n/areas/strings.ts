/** The same keys as the Dutch source, every leaf a string: what fr and en must provide. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
