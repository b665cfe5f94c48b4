/**
 * Vocabulary for synthetic posts, most frequent first: English function words, then words a
 * creator writes about, then (generated in posts-fixture.ts) a long tail of made-up rare words.
 * Word frequencies follow Zipf's law over this rank order, as natural text roughly does.
 */
export const FUNCTION_WORDS = `the and to a of you your in is for it this that with on my i be
are we how what can more not at from have one about will they if so do just all but our when
get out up as an or by time was new make here like no me who it's there first why now most`.split(/\s+/u);

export const CONTENT_WORDS = `content post people audience growth week video today tips idea
story brand work learn build creator followers share day thread start best way simple year
team better launch grow strategy reel newsletter engagement week's morning routine marketing
community product writing design camera light edit edits editing short long hook caption
growing grown ground group groups grocery grow-up reach views comments likes saves shares
algorithm niche goal goals habit habits focus client clients business money income podcast
episode guest interview behind scenes tutorial guide lesson mistake mistakes lessons tools
tool workflow system systems notion calendar schedule posting consistency consistent daily
weekly monthly launchday announcement update updates feature features photo photos carousel
slides template templates hooks headline headlines draft drafts publish published feedback
question questions answer answers poll trend trends trending viral sponsor sponsors brand
deal deals pricing offer course courses workshop webinar live stream streaming music audio
voice voiceover script scripts storyboard shoot shooting studio gear lens lenses microphone
lighting setup desk travel city coffee recipe recipes fitness training running yoga health
mindset motivation productivity focus journal journaling reading books book review reviews
summer winter spring autumn holiday season seasonal sale discount giveaway challenge series
part chapter recap highlights favorite favorites myth myths truth secret secrets framework
frameworks checklist checklists mistakes lessons results result data analytics insights
numbers metrics growthhacks subscribers subscriber channel channels platform platforms
repurpose repurposing clip clips shorts longform blog article articles essay essays email
emails list funnel landing page website portfolio personal career job jobs hiring remote
freelance freelancing agency agencies collab collaboration partners partner network event
events conference meetup speaking talk talks slides keynote panel founder founders startup
startups saas indie maker makers ship shipping launchweek roadmap users user customer
customers support onboarding retention churn pricing revenue profit margin budget invest
investing savings finance finances crypto markets economy news weekly digest sunday monday
tuesday wednesday thursday friday saturday tonight tomorrow yesterday deadline deadlines`
  .split(/\s+/u)
  .filter((w) => w.length > 0);

export const TAGS = `growth marketing tips personal-brand reels shorts newsletter launch behind-the-scenes
tutorial productivity fitness travel food design writing podcast video photography career
startup indie money mindset community collab giveaway announcement q-and-a review recap
howto thread carousel live seasonal evergreen series`.split(/\s+/u);
