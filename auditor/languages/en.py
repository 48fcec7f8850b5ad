"""English."""

from auditor.languages.profile import LanguageProfile, register, words

PROFILE = register(LanguageProfile(
    code="en",
    name="English",
    function_words=words("""
        a an the this that these those and or but nor so yet if then than because while although though
        as of in on at by for from to into onto with without within about above below over under after
        before during since until upon against among between through across toward towards via per
        i you he she it we they me him her us them my your his its our their mine yours hers ours theirs
        who whom whose which what where when why how there here not no also only just very too even
        is are was were be been being am has have had having do does did will would shall should can
        could may might must all any each every some such both either neither other another
    """),
    finite_verbs=words("""
        is are was were am has have had do does did will would shall should can could may might must
        isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't
        couldn't shouldn't mustn't 's 're 've 'd 'll
        said says told tells went goes came comes made makes took takes gave gives got gets saw sees
        knew knows thought thinks became becomes left leaves met meets found finds held holds kept keeps
        began begins brought brings stood stands ran runs felt feels lost loses paid pays sent sends
        spoke speaks wrote writes won wins fell falls led leads rose rises struck strikes fought fights
        sought seeks hit hits put puts set sets cut cuts let lets
    """),
    finite_suffixes=("ed",),
    nonfinite_suffixes=("ing", "ly"),
    abbreviations=words("""
        mr mrs ms dr prof gov sen rep gen lt col maj capt sgt adm cmdr st sr jr rev hon pres supt insp
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
        no nos vs v etc inc co corp ltd llc plc bros dept est approx fig vol ave blvd mt ft
        messrs mmes sens reps govs gens
        u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e
    """),
    title_words=words("""
        president vice prime minister ministry secretary chairman chairwoman chair chairperson leader
        chief director governor senator speaker ambassador general colonel commander admiral captain
        lieutenant major sergeant king queen prince princess emperor pope cardinal bishop archbishop
        sheikh ayatollah imam rabbi spokesman spokeswoman spokesperson deputy head mayor judge justice
        prosecutor attorney council committee assembly department office parliament congress senate
        house court army navy force forces guard guards corps party movement front university college
        bureau agency organization organisation union bank state states republic kingdom federation
        revolution revolutionary supreme national international federal central foreign defense defence
        interior security affairs public united high higher general grand holy strait gulf sea ocean
        river lake mountain mountains island islands north south east west northern southern eastern
        western middle street avenue square palace hall tower airport station hospital school
        institute center centre foundation fund museum church mosque temple cathedral city county
        province region district valley desert peninsula strip bank authority commission council
        company group network media news press times post journal herald daily weekly radio television
        tv channel service services operation brigade brigades division battalion regiment fleet
        leadership cabinet administration government governments opposition coalition alliance
        treaty accord agreement act bill law resolution summit conference forum games cup league
        championship award prize day week war battle crisis spring uprising revolution intifada flood
        axis resistance liberation freedom democratic democracy socialist communist labour labor
        conservative liberal green popular people's peoples islamic christian catholic orthodox
        protestant muslim jewish arab
    """),
    articles=words("the a an this that these those"),
    sentence_openers=words("""
        the a an this that these those his her its their our my your he she it we they i you there
        here in on at for from with by after before during since until as but and so yet if when
        while although though because about over under among between through against without
        both some each every all any such other another no neither either what who which how why where
    """),
    connectives=words("""
        however meanwhile moreover furthermore nevertheless nonetheless instead besides indeed
        therefore thus hence afterwards eventually currently additionally overall otherwise
        similarly likewise consequently accordingly initially previously separately elsewhere later
        earlier yesterday finally
    """),
    noun_markers=words("the a an this that these those his her its their our my your of in on at for with by from to into"),
    name_homographs=words("""
        china turkey jordan chad georgia niger guinea nice reading bath split mobile victoria
        bush rice brown white black green king young price hill wood hunt may march will bill mark
        rob frank grant hope faith joy rose lily ray dean baker cook smith miller carter turner
    """),
    pronouns=words("""
        something anything nothing everything someone anyone everyone somebody anybody nobody
        everybody none whatever whoever whichever myself yourself himself herself itself ourselves
        yourselves themselves
    """),
    numerals=words("""
        two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
        seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
        hundreds thousand thousands millions billions dozens
    """),
    months=words("january february march april may june july august september october november december"),
    weekdays=words("monday tuesday wednesday thursday friday saturday sunday"),
    # Grammar ("had had", "that that"), intensifiers, interjections and coinages ("Canada plus plus").
    legit_doubles=words("had that is do very bye no ha ah oh yeah blah knock tut plus"),
    boilerplate_lines=(
        r"source(?: link)?", r"read more", r"read (?:the )?full (?:story|article)", r"continue reading",
        r"leave a (?:reply|comment)", r"(?:\d+ )?comments?", r"no comments(?: yet)?", r"post navigation",
        r"(?:previous|next) (?:article|post|story)", r"recent (?:posts|articles|news|stories)",
        r"related(?: (?:posts|articles|news|stories|content|coverage))?", r"check also", r"see also",
        r"you (?:may|might) also like", r"more (?:from|in|on) [\w\s]{1,30}", r"trending(?: now)?",
        r"most (?:read|popular|viewed)", r"latest (?:news|posts|stories)", r"about (?:the )?(?:author|admin|\w+)",
        r"(?:posted|filed) (?:in|under)\b.*", r"tags?:.*", r"categor(?:y|ies):.*",
        r"share(?: this)?(?: (?:article|post|story))?(?: on \w+)?:?", r"share on \w+", r"tweet", r"print",
        r"email", r"whatsapp", r"facebook", r"twitter", r"telegram", r"linkedin",
        r"follow us(?: on [\w\s,&]+)?", r"subscribe(?: to [\w\s]+)?", r"sign up(?: for [\w\s]+)?",
        r"click here\b.*", r"advertisement", r"sponsored(?: content)?", r"skip to (?:main )?content",
        r"your email address will not be published\.?(?: required fields are marked \*?)?",
        r"required fields are marked \*?", r"save my name, email,? and website in this browser.*",
        r"(?:©|\(c\)|copyright\b\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)).*", r"all rights reserved\.?", r"by admin", r"admin",
        r"photo credit: [^.]{0,60}", r"image source,? .{0,60}", r"loading\.*",
        r"(?:show|view|hide|load|see|read) (?:all )?(?:\d+ )?comments?", r"(?:add|post|write|leave) (?:a|your) comment",
        r"join the (?:conversation|discussion)", r"comment on this (?:story|article)",
        r"\d+\s*(?:-\s*)?(?:min|mins|minutes?)(?: read| reading time)?", r"(?:estimated )?(?:reading|read) time\s*:?\s*\d+\s*(?:min|mins|minutes?)",
        r"(?:skip|close) (?:this )?(?:ad|ads|advert|advertisement)", r"ad(?:vert)?", r"ads? by \w+",
        r"(?:the )?(?:story|article) continues (?:below|after)(?: (?:this|the))?(?: (?:ad|advert|advertisement))?",
        r"continue reading (?:below|the main story)", r"advertisement\s*-\s*(?:scroll|continue reading)\b.*",
        r"(?:paid|promoted|partner) (?:content|post|partner content)",
        r"(?:share|email|e-mail|print|save|send)(?: this)? (?:article|story|page|post|link)(?: (?:on|via|to|by) \w+)?:?",
        r"(?:share|post|send)(?: (?:it|this))? (?:on|via|to) (?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|email|e-mail)",
        r"copy(?: the)? link", r"link copied", r"reddit", r"pinterest", r"messenger", r"instagram", r"flipboard", r"youtube",
        r"\(?(?:photo|photograph|picture|pic|image|video|graphic|illustration|footage)s?(?: (?:credit|source|copyright))?\s*(?::|/|©)\s*[^.]{1,60}\)?\.?",
        r"\(?(?:photo|photograph|picture|pic|image|video|graphic|illustration|footage)s? by(?: [^\s.]+){1,6}\)?",
        r"\(?(?:photo|picture|image)s? (?:copyright|source|credit),?\s*[^.]{1,60}\)?\.?", r"getty images",
        r"(?:get|receive) (?:our |the )?[\w\s'-]{0,40}(?:newsletter|headlines|news|alerts|updates|briefing)\b[^.]{0,60}\.?",
        r"in other news",
        r"(?:did you|do you) (?:like|enjoy) this (?:article|story)\b.*", r"(?:liked|enjoyed) this (?:article|story)\b.*",
        r"this (?:material|article|content) may not be (?:published|reproduced|copied|republished)\b.*",
    ),
    teaser_headings=(
        r"(?:also read|recommended(?: for you| stories| reading)?|more stories|top stories|editor'?s picks|don'?t miss|further reading|what to read next)",
        r"recent (?:posts|articles|news|stories)", r"related(?: (?:posts|articles|news|stories|content))?",
        r"check also", r"see also", r"you (?:may|might) also like", r"more (?:from|in|on) [\w\s]{1,30}",
        r"most (?:read|popular|viewed)", r"latest (?:news|posts|stories)", r"trending(?: now)?",
        r"read (?:also|more)",
    ),
    inline_tails=(r"read more", r"continue reading", r"read the full (?:story|article)"),
    disclaimers=(
        r"(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies", r"by continuing to (?:browse|use) (?:this|our|the) (?:site|website)",
        r"you (?:agree|consent) to (?:our|the) use of cookies", r"may not be (?:published|reproduced|copied), broadcast",
        r"do(?:es)? not necessarily reflect", r"views expressed (?:in|by)", r"opinions expressed (?:in|by)",
        r"this (?:article|story) (?:was|has been) (?:automatically )?(?:generated|published from)",
        r"(?:was|were|have been|has been) (?:retrieved|republished|reproduced) from",
    ),
    relative_time=r"(?:(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?|\d+\s*(?:h|m|d|w|hrs?|mins?))\s+ago",
    stamp_labels=r"(?:last |first )?(?:updated|modified|edited|published|posted|reviewed)(?: on| at)?|last update|date",
))
