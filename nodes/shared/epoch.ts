/**
 * Below this a bare number is epoch seconds, from it on epoch milliseconds. 1e11 s is the year
 * 5138 and 1e11 ms is March 1973, so seconds for any real date and milliseconds from 1973 on
 * (birth dates included) are both read right.
 */
export const EPOCH_SECONDS_BELOW = 1e11;

/** Epoch seconds or milliseconds, as milliseconds. */
export function epochToMs(value: number): number {
	return value < EPOCH_SECONDS_BELOW ? value * 1000 : value;
}
