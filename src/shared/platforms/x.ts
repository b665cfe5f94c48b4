import type { ParsedTweet } from 'twitter-text';
import { parseTweet, TWITTER_V3_CONFIG } from './twitter-text';

/**
 * X's weighted length, by the official twitter-text v3 rules (X Developer Platform, "Counting
 * characters"): NFC-normalised text; code points in Latin-1/General-Punctuation ranges weigh 1,
 * everything else 2 (so CJK is 2); any emoji sequence (ZWJ family, flag, skin tone) is 2; any URL is
 * 23. `limit` replaces the 280 of the v3 config (e.g. 25,000 for Premium accounts), which also moves
 * `valid`, `permillage` and `validRangeEnd`.
 */
export function parseXPost(text: string, limit: number = TWITTER_V3_CONFIG.maxWeightedTweetLength): ParsedTweet {
  return parseTweet(text, { ...TWITTER_V3_CONFIG, maxWeightedTweetLength: limit });
}
