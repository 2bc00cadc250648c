"""Word lists in, nothing out: the trigger lexicon of life events (verbs, nouns, roles, cues, hedges)."""
from __future__ import annotations

# Verb lemma -> event type. A verb only triggers when its subject (or, for passives, its
# patient) resolves to a person. Phrasal and object-dependent senses are refined in
# ``event_clauses.verb_type``.
VERB_TYPES: dict[str, str] = {
    # birth / death
    "bear": "birth",
    "die": "death", "assassinate": "death", "murder": "death", "execute": "death", "kill": "death",
    "perish": "death", "succumb": "death", "shoot": "death", "hang": "death", "poison": "death",
    # education
    "study": "education", "graduate": "education", "enrol": "education", "enroll": "education",
    "educate": "education", "train": "education", "matriculate": "education", "attend": "education",
    # residence
    "live": "residence", "settle": "residence", "reside": "residence", "grow": "residence",
    "stay": "residence", "dwell": "residence",
    # travel
    "travel": "travel", "move": "travel", "go": "travel", "return": "travel", "sail": "travel",
    "embark": "travel", "emigrate": "travel", "immigrate": "travel", "arrive": "travel",
    "leave": "travel", "visit": "travel", "journey": "travel", "head": "travel", "relocate": "travel",
    "migrate": "travel", "tour": "travel", "come": "travel", "reach": "travel", "follow": "travel", "transfer": "travel",
    # imprisonment / release
    "imprison": "imprisonment", "jail": "imprisonment", "gaol": "imprisonment", "arrest": "imprisonment",
    "incarcerate": "imprisonment", "detain": "imprisonment", "intern": "imprisonment",
    "sentence": "imprisonment", "convict": "imprisonment", "capture": "imprisonment",
    "release": "release", "free": "release", "liberate": "release", "pardon": "release",
    # exile / flight / expulsion
    "exile": "exile", "deport": "exile", "banish": "exile", "expatriate": "exile",
    "flee": "flight", "escape": "flight", "defect": "flight",
    "expel": "expulsion", "remove": "expulsion", "dismiss": "expulsion", "oust": "expulsion",
    "purge": "expulsion", "exclude": "expulsion", "fire": "expulsion", "sack": "expulsion",
    # membership / participation / conversion
    "join": "membership", "enlist": "membership", "affiliate": "membership",
    "participate": "participation", "fight": "participation", "serve": "role", "campaign": "participation",
    "organize": "participation", "organise": "participation", "lead": "role",
    "convert": "conversion", "switch": "conversion", "embrace": "conversion", "abandon": "conversion",
    "renounce": "conversion",
    # role
    "become": "role", "appoint": "role", "elect": "role", "employ": "role",
    # meeting / collaboration / exchange
    "meet": "meeting", "befriend": "meeting", "encounter": "meeting",
    "collaborate": "collaboration", "cooperate": "collaboration", "work": "collaboration",
    "exchange": "exchange", "swap": "exchange", "trade": "exchange",
    # works
    "write": "authorship", "author": "authorship", "compose": "authorship", "pen": "authorship",
    "publish": "publication", "found": "publication", "establish": "publication", "edit": "role",
    # marriage
    "marry": "marriage", "wed": "marriage", "divorce": "marriage",
    # positions, honours and performances of works
    "teach": "role", "debut": "role", "lecture": "role", "resign": "role", "retire": "role", "hold": "role",
    "award": "other", "receive": "other", "win": "other",
    "premiere": "publication", "stage": "publication", "produce": "publication",
    "obtain": "education", "earn": "education",
}

# Verbs that are events only in the passive with a person patient ("was killed", "was named").
PASSIVE_ONLY = {"kill", "shoot", "hang", "poison", "name", "bear", "free", "capture", "educate",
                "train", "employ", "fire", "sack", "remove", "elect", "appoint", "execute", "murder",
                "assassinate", "deport", "banish", "imprison", "jail", "incarcerate", "detain", "intern",
                "sentence", "convict", "expel", "dismiss", "oust", "purge", "exclude", "arrest"}
# Verbs whose active object is the person the event happens to ("the police arrested her").
OBJECT_PATIENT = {"send", "ship", "transport", "release", "free", "liberate", "exile", "deport", "expel",
                  "imprison", "arrest", "jail", "incarcerate", "detain", "intern", "sentence", "execute",
                  "murder", "assassinate", "kill", "shoot", "hang", "poison", "elect", "appoint", "banish",
                  "dismiss", "oust", "convict", "capture", "educate", "employ", "fire", "sack"}
# Verbs that are events only in the active voice with the person as agent.
ACTIVE_ONLY = {"grow", "head", "come", "reach", "work", "lead", "trade", "found", "establish", "edit",
               "produce", "stage", "hold", "teach", "win", "receive", "obtain", "earn", "organize",
               "organise", "fight", "campaign", "visit", "travel", "flee", "escape", "meet"}

# Verbs too common to be events without a place, a person or a specific object.
NEEDS_ARGUMENT = {"transfer", "follow", "edit", "hold", "receive", "win", "obtain", "earn", "produce", "stage", "premiere", "go", "come", "move", "leave", "head", "return", "reach", "stay", "live", "work",
                  "write", "found", "establish", "serve", "lead", "fight", "organize", "organise",
                  "grow", "become", "switch", "abandon", "embrace", "trade", "exchange", "meet"}

# Noun lemma -> event type: nominalisations that state an event when a person owns them
# ("his expulsion", "her release") or when they are the goal of an event verb ("sent into exile").
NOUN_TYPES: dict[str, str] = {
    "birth": "birth", "death": "death", "assassination": "death", "murder": "death", "execution": "death",
    "education": "education", "studies": "education", "graduation": "education",
    "imprisonment": "imprisonment", "incarceration": "imprisonment", "arrest": "imprisonment",
    "detention": "imprisonment", "internment": "imprisonment", "captivity": "imprisonment",
    "release": "release", "liberation": "release",
    "exile": "exile", "deportation": "exile", "banishment": "exile",
    "flight": "flight", "escape": "flight",
    "expulsion": "expulsion", "dismissal": "expulsion", "removal": "expulsion", "repudiation": "expulsion",
    "participation": "participation", "involvement": "participation",
    "membership": "membership",
    "conversion": "conversion",
    "marriage": "marriage", "wedding": "marriage",
    "emigration": "travel", "return": "travel", "journey": "travel", "voyage": "travel", "arrival": "travel",
    "departure": "travel", "trip": "travel",
    "suffering": "imprisonment",
}
# Nouns that are events on their own only with a place/prison complement ("suffering in prison").
NOUN_NEEDS_COMPLEMENT = {"suffering", "return", "journey", "voyage", "arrival", "departure", "trip",
                         "escape", "flight", "removal", "dismissal"}

# Nouns naming a prison, for "held in prison", "suffering in prison", "sent to a camp".
PRISON_NOUNS = {"prison", "jail", "gaol", "camp", "penitentiary", "gulag", "cell", "custody",
                "captivity", "detention", "dungeon", "fortress", "labour", "labor"}
EXILE_NOUNS = {"exile", "banishment", "deportation"}
# Objects that turn "join"/"take part in" into participation rather than membership.
PARTICIPATION_OBJECTS = {"revolution", "uprising", "rebellion", "revolt", "war", "strike", "insurrection",
                         "struggle", "fight", "battle", "campaign", "protest", "demonstration", "mutiny",
                         "resistance", "movement", "activity", "activities", "conflict", "coup", "riot",
                         "expedition", "raid", "siege", "march"}
GATHERING_OBJECTS = {"conference", "congress", "meeting", "festival", "rally", "ceremony", "summit",
                     "convention", "assembly", "march", "protest", "demonstration", "session", "trial"}
EDUCATION_OBJECTS = {"school", "university", "college", "academy", "seminary", "gymnasium", "lyceum",
                     "institute", "conservatory", "law", "medicine", "philosophy", "economics",
                     "degree", "doctorate", "course", "courses", "classes", "class", "studies", "lectures",
                     "lessons", "seminars", "seminar", "faculty", "polytechnic", "madrasa", "yeshiva"}
WORK_OBJECTS = {"book", "books", "novel", "novels", "memoir", "memoirs", "poem", "poems", "pamphlet",
                "pamphlets", "essay", "essays", "article", "articles", "autobiography", "biography",
                "tract", "tracts", "play", "plays", "history", "leaflets", "leaflet", "journal",
                "newspaper", "magazine", "paper", "review", "manifesto", "story", "stories", "volume",
                "collection", "treatise", "letters", "diary", "diaries", "work", "works", "trilogy", "column",
                "columns", "piece", "pieces", "script", "screenplay", "libretto", "song", "songs", "opera"}
PERIODICAL_OBJECTS = {"journal", "newspaper", "magazine", "paper", "review", "weekly", "daily",
                      "periodical", "gazette", "bulletin"}
ORG_OBJECTS = {"party", "union", "movement", "group", "league", "society", "army", "organization",
               "organisation", "opposition", "faction", "circle", "ranks", "gang", "federation",
               "committee", "congress", "international", "brigade", "guard", "club", "alliance",
               "association", "order", "church", "resistance", "bureau", "politburo", "council"}

# Copular predicate nouns -> event type ("he was a Comintern agent", "she became a lecturer").
ROLE_NOUNS = {
    "agent", "member", "leader", "president", "editor", "commissar", "secretary", "minister", "head",
    "founder", "co-founder", "delegate", "soldier", "officer", "journalist", "teacher", "professor",
    "lecturer", "correspondent", "translator", "organizer", "organiser", "chairman", "chair",
    "director", "commander", "general", "ambassador", "envoy", "representative", "deputy",
    "governor", "mayor", "senator", "official", "spokesman", "spokeswoman", "activist",
    "lawyer", "doctor", "nurse", "worker", "clerk", "apprentice", "student", "writer", "poet",
    "figure", "militant", "volunteer", "adviser", "advisor", "assistant", "manager", "premier",
    "chancellor", "king", "queen", "prime", "captain", "colonel", "lieutenant", "sergeant",
    "priest", "rabbi", "monk", "nun", "printer", "typesetter", "secretary-general", "refugee",
    "prisoner", "exile", "émigré", "emigre", "fugitive", "citizen",
}
ROLE_NOUN_TYPES = {"member": "membership", "refugee": "exile", "exile": "exile", "émigré": "exile",
                   "emigre": "exile", "fugitive": "flight", "prisoner": "imprisonment",
                   "student": "education", "founder": "publication", "co-founder": "publication",
                   "citizen": "other", "figure": "membership", "militant": "membership"}

# Person-describing nouns for definite descriptions ("the author", "the revolutionary").
DESCRIPTION_NOUNS = {
    "author", "writer", "novelist", "poet", "revolutionary", "activist", "anarchist", "socialist",
    "communist", "marxist", "bolshevik", "journalist", "historian", "philosopher", "essayist",
    "memoirist", "exile", "émigré", "emigre", "militant", "dissident", "agitator", "theorist",
    "thinker", "politician", "leader", "lecturer", "organizer", "organiser", "artist", "painter",
    "composer", "playwright", "critic", "scholar", "scientist", "man", "woman", "boy", "girl",
    "lawyer", "prisoner", "refugee", "trotskyist", "narrator", "protagonist", "hero", "heroine",
    "feminist", "statesman", "diplomat", "soldier", "general", "president", "biographer",
}
MALE_NOUNS = {"man", "boy", "statesman", "hero", "father", "son", "brother", "husband", "king"}
FEMALE_NOUNS = {"woman", "girl", "heroine", "mother", "daughter", "sister", "wife", "queen", "widow"}

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_SECOND = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours"}

# Hedges lower confidence; speculative verbs above an event make it an intention, not an event.
HEDGE_WORDS = {"probably", "perhaps", "possibly", "reportedly", "allegedly", "apparently",
               "supposedly", "presumably", "maybe", "likely", "seemingly", "purportedly", "rumoured",
               "rumored", "ostensibly", "conceivably"}
HEDGE_VERBS = {"seem", "appear", "claim", "allege", "rumour", "rumor", "believe", "suppose", "suggest",
               "speculate", "assume"}
HEDGE_MODALS = {"may", "might", "could", "must"}
NEGATORS = {"not", "n't", "never", "no"}
INTENTION_VERBS = {"try", "attempt", "plan", "want", "hope", "intend", "seek", "wish", "refuse",
                   "fail", "decline", "threaten", "dream", "expect", "aim", "prepare", "need", "mean",
                   "would", "like", "decide", "agree", "promise", "offer", "urge", "ask", "unable", "forbid",
                   "prevent", "hesitate", "long", "struggle"}

# Ordering cues (single words, or phrases built from the parse in event_dates).
CUE_WORDS = {"later", "then", "eventually", "ultimately", "finally", "initially", "subsequently",
             "afterwards", "afterward", "thereafter", "soon", "first", "next", "meanwhile", "again",
             "previously", "earlier", "formerly", "once", "last", "lastly", "originally"}
CUE_MARKERS = {"when", "after", "before", "while", "whilst", "until", "once"}

# Fiction: words that say a document retells a novel; memoir words say it does not.
FICTION_MARKERS = {"novel", "novels", "semi-autobiographical", "protagonist", "hero", "heroine",
                   "narrator", "plot", "trilogy", "fictional", "fiction", "character", "characters",
                   "characterisation", "characterization"}
NONFICTION_MARKERS = {"memoir", "memoirs", "autobiography", "biography", "diary", "diaries", "essay",
                      "history", "letters", "witness", "account"}

# Irregular past tenses for summaries; everything else gets "-ed" rules.
PAST = {
    "bear": "born", "die": "died", "go": "went", "flee": "fled", "leave": "left", "meet": "met",
    "write": "wrote", "become": "became", "grow": "grew up", "come": "came", "fight": "fought",
    "lead": "led", "take": "took", "find": "found", "send": "sent", "hold": "held", "get": "got",
    "shoot": "shot", "hang": "hanged", "run": "ran", "make": "made", "spend": "spent",
    "teach": "taught", "sit": "sat", "win": "won", "break": "broke", "begin": "began",
    "put": "put", "set": "set", "seek": "sought", "give": "gave", "see": "saw", "know": "knew",
    "undergo": "underwent", "forsake": "forsook", "swear": "swore", "wed": "wed",
    "found": "founded", "free": "freed",
}

# Verb-specific summary leads for motion and residence ("Returned to Spain", "Settled in Berlin").
VERB_TEMPLATES = {"return": "Returned to {place}", "emigrate": "Emigrated to {place}", "move": "Moved to {place}",
                  "settle": "Settled in {place}", "immigrate": "Immigrated to {place}", "arrive": "Arrived in {place}",
                  "visit": "Visited {place}", "grow": "Grew up in {place}", "deport": "Deported to {place}",
                  "assassinate": "Assassinated in {place}", "murder": "Murdered in {place}",
                  "execute": "Executed in {place}", "arrest": "Arrested in {place}", "escape": "Escaped from {place}"}

# Short summary templates by type (used when a place or partner is known).
TEMPLATES = {
    "birth": "Born in {place}", "death": "Died in {place}", "imprisonment": "Imprisoned in {place}",
    "release": "Released in {place}", "exile": "Exiled to {place}", "flight": "Fled {place}",
    "travel": "Travelled to {place}", "residence": "Lived in {place}", "education": "Studied in {place}",
    "marriage": "Married {who}", "meeting": "Met {who}", "collaboration": "Worked with {who}",
    "membership": "Joined {who}", "expulsion": "Expelled from {who}",
}

# Common female first names (a gender cue for the pronoun resolver; absent names stay unknown).
FEMALE_NAMES = {
    "emma", "rosa", "anna", "ann", "anne", "maria", "mary", "marie", "natalya", "natalia", "natalie",
    "maya", "toni", "alice", "angela", "bessie", "elizabeth", "catherine", "katherine", "margaret",
    "helen", "helena", "olga", "nadezhda", "alexandra", "aleksandra", "sofia", "sophia", "sophie",
    "vera", "lena", "louise", "simone", "hannah", "virginia", "jane", "sarah", "rachel", "ruth",
    "clara", "klara", "inessa", "larissa", "lydia", "elsa", "suzi", "susan", "frida", "dolores",
    "ida", "eleanor", "agnes", "julia", "ella", "dorothy", "lucy", "grace", "rose", "charlotte",
    "emily", "victoria", "isabel", "isabella", "teresa", "theresa", "nina", "zinaida", "tatiana",
    "svetlana", "irina", "ekaterina", "yekaterina", "galina", "ludmila", "lyudmila", "marina",
    "anastasia", "valentina", "golda", "hilda", "gertrude", "martha", "beatrice", "edith", "florence",
    "harriet", "josephine", "nora", "winnie", "wangari", "miriam", "buchi", "flora", "ama", "chimamanda",
    "assata", "audre", "zora", "gwendolyn", "lorraine", "nikki", "sonia", "ngozi", "ellen",
    "barbara", "patricia", "linda", "nancy", "betty", "helene", "marguerite", "colette", "louise",
}

# Common male first names (the same cue, so that "she" never lands on "Alexander Berkman").
MALE_NAMES = {
    "alexander", "leon", "lev", "victor", "vladimir", "joseph", "karl", "nelson", "oliver", "jan",
    "andré", "andre", "piotr", "peter", "david", "john", "james", "william", "george", "henry", "richard",
    "robert", "michael", "thomas", "charles", "paul", "mark", "ivan", "nikolai", "nikita", "grigory",
    "lavrentiy", "leonid", "mikhail", "sergei", "sergey", "boris", "ignace", "julius", "georgi",
    "georgy", "raymond", "isaac", "walter", "ramón", "ramon", "ernest", "ernesto", "fidel", "che",
    "martin", "malcolm", "steve", "donald", "lewis", "wole", "ken", "ali", "amiri", "chinua", "ngũgĩ",
    "friedrich", "max", "otto", "hans", "heinrich", "franz", "pierre", "jean-paul", "albert", "louis",
    "francis", "frank", "edward", "arthur", "samuel", "benjamin", "daniel", "abraham", "moses", "jacob",
    "herman", "harry", "jack", "fred", "ignazio", "antonio", "giuseppe", "juan", "pablo", "diego",
}

# Objects that make hold/receive/win/obtain a life event.
POSITION_OBJECTS = {"post", "position", "chair", "professorship", "office", "seat", "fellowship", "job",
                    "appointment", "lectureship", "title", "rank"}
HONOUR_OBJECTS = {"prize", "award", "medal", "degree", "doctorate", "honour", "honor", "fellowship",
                  "scholarship", "order", "title", "laureate", "nobel", "grant", "diploma", "bachelor",
                  "master", "ba", "ma", "phd"}

# Demonyms for "Belgian-born", "Polish born": the country the birth took place in.
DEMONYMS = {
    "belgian": "Belgium", "polish": "Poland", "russian": "Russia", "french": "France", "german": "Germany",
    "spanish": "Spain", "italian": "Italy", "czech": "Czechoslovakia", "austrian": "Austria",
    "hungarian": "Hungary", "ukrainian": "Ukraine", "lithuanian": "Lithuania", "latvian": "Latvia",
    "english": "England", "british": "Britain", "scottish": "Scotland", "irish": "Ireland", "welsh": "Wales",
    "american": "United States", "canadian": "Canada", "mexican": "Mexico", "cuban": "Cuba",
    "argentine": "Argentina", "argentinian": "Argentina", "brazilian": "Brazil", "chilean": "Chile",
    "chinese": "China", "japanese": "Japan", "indian": "India", "nigerian": "Nigeria", "kenyan": "Kenya",
    "ghanaian": "Ghana", "south african": "South Africa", "egyptian": "Egypt", "turkish": "Turkey",
    "greek": "Greece", "dutch": "Netherlands", "swiss": "Switzerland", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "romanian": "Romania",
    "bulgarian": "Bulgaria", "serbian": "Serbia", "croatian": "Croatia", "portuguese": "Portugal",
    "georgian": "Georgia", "armenian": "Armenia", "jamaican": "Jamaica", "australian": "Australia",
}
