/**
 * Common content words for the pocketsphinx grammar's topic slot, so "a post about <topic>" is
 * recognisable before the creator has posts of their own (their posts' and ideas' words are added
 * by the caller). Words missing from the recognizer's dictionary are filtered out by `commandJsgf`.
 */
export const DEFAULT_TOPIC_WORDS: readonly string[] = (
  'morning evening night routine routines habit habits productivity focus time management work remote office home ' +
  'team teams leadership leader leaders manager management career careers job jobs hiring interview interviews ' +
  'resume skills learning lessons lesson mistakes failure failures success goals goal growth mindset motivation ' +
  'discipline health fitness workout exercise running yoga sleep stress burnout mental wellness wellbeing diet ' +
  'nutrition food cooking recipe recipes breakfast lunch dinner coffee tea water travel trip trips vacation ' +
  'holiday holidays summer winter spring autumn fall weekend weekends family kids parenting friends friendship ' +
  'love relationships marriage wedding birthday music books book reading writing writer blog newsletter podcast ' +
  'video videos photo photos photography design designer art artist creativity ideas idea story stories ' +
  'storytelling brand branding marketing sales customers customer clients client service product products launch ' +
  'startup startups business businesses founder founders entrepreneur money finance investing budget savings ' +
  'pricing price economy market markets data analytics research science technology tech software code coding ' +
  'programming developer developers engineering engineer engineers ai artificial intelligence machine automation ' +
  'tools tool apps app mobile web website internet social media content creator creators community audience ' +
  'followers engagement tips tricks advice guide tutorial mistakes questions answers news update updates trends ' +
  'future history culture education school college university students teacher teachers teaching study ' +
  'climate environment nature garden gardening plants animals dogs dog cats cat pets sports football soccer ' +
  'basketball tennis golf games gaming movies movie film films television fashion style beauty shopping car cars ' +
  'city cities housing real estate home remodeling meetings meeting email emails calls networking conference ' +
  'event events speaking public presentation presentations feedback culture values mission vision strategy ' +
  'planning plan plans project projects deadlines priorities journaling gratitude happiness kindness ' +
  'confidence communication negotiation productivity hacks week weekly daily monthly year new beginner ' +
  'beginners first last best worst simple easy hard quick small big remote hybrid freelance freelancing side ' +
  'hustle income passive personal professional development self care volunteering charity sustainability ' +
  'privacy security open source design thinking user experience writing habits morning pages walking hiking ' +
  'cycling swimming meditation breathing lunch breaks calendar scheduling focus deep'
)
  .split(' ')
  .filter((w, i, all) => w !== '' && all.indexOf(w) === i);
