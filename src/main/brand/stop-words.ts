/**
 * Common English function words. A phrase made only of these ("of the", "and then it") says nothing
 * about a creator's voice, and these words make poor search terms for finding similar posts.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most
  my myself no nor not now of off on once only or other our ours ourselves out over own same she should
  so some such than that the their theirs them themselves then there these they this those through to
  too under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves also get got one just like really much many it's i'm don't can't you're
  we're that's there's what's let's i've i'll isn't doesn't didn't won't`
    .split(/\s+/u)
    .filter((word) => word.length > 0),
);

/** Words as the analysis sees them: lower-case letters, digits and inner apostrophes (’ made '). */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLocaleLowerCase()
      .replace(/\u2019/gu, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []
  );
}
