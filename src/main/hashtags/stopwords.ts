/**
 * Common English words that never make a useful hashtag on their own. Used to pick distinctive
 * words from a post; a word of 5+ letters that is not here is a candidate tag.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `about above after again against almost along already also although always among another anyone anything
  around because been before being below between both bring came could did does doing done down during each
  either else enough even every everyone everything first from further getting give given goes going gone good
  great have having here hers herself himself into itself just keep know last least less like little made make
  many maybe might more most much must myself never next nothing often once only other others ought ours
  ourselves over own people really right same should since some something still such sure take than that
  their theirs them themselves then there these they thing things think this those though through thought
  today together tomorrow too took under until upon very want wanted week well were what when where whether
  which while whole whom whose will with within without would year years yesterday yet your yours yourself
  yourselves again always because before could every first found going great little never other right shall
  should small start still their there these thing think three those today under until while world would
  write wrote about after thanks thank share comment comments follow post posts please where which really
  maybe finally instead another better best worst biggest why how what who`.split(/\s+/u),
);
