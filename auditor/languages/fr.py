"""French."""

from auditor.languages.profile import LanguageProfile, register, words

PROFILE = register(LanguageProfile(
    code="fr",
    name="French",
    function_words=words("""
        le la les un une des du de d' l' au aux en à dans sur sous avec sans pour par entre vers chez
        contre selon après avant pendant depuis et ou mais ni donc or car que qui quoi dont où quand
        comme si lorsque puisque ne pas plus moins très aussi déjà encore je tu il elle on nous vous ils
        elles me te se lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos ce cet cette
        ces celui celle ceux celles est sont était étaient a ont avait avaient sera seront été être
        tout toute tous toutes autre autres chaque
    """),
    finite_verbs=words("""
        est sont était étaient sera seront serait seraient fut a ont avait avaient aura auront aurait
        auraient peut peuvent pouvait pourra pourrait doit doivent devait devra devrait va vont allait
        fait font faisait dit disent disait veut veulent voulait sait savent semble semblent reste
        restent vient viennent faut ai suis voici voilà
    """),
    finite_suffixes=("ait", "aient", "era", "eront", "erait", "eraient", "ira", "iront", "èrent",
                     "irent", "ons", "ez"),
    nonfinite_suffixes=("ant", "ée", "ées", "és", "ement", "amment", "emment"),
    present_suffixes=("it", "ent", "e", "t"),
    abbreviations=words("""
        m mm mme mmes mlle dr pr me st ste gén col cdt lt av bd etc janv févr avr juil sept oct nov déc
        no nos p.ex c.-à-d fév mgr cie éd vol art s.a v vs mr mrs ms rev jr
    """),
    title_words=words("""
        président présidente vice premier ministre ministère secrétaire chef directeur directrice
        gouverneur sénateur ambassadeur général colonel commandant roi reine prince princesse pape
        cardinal évêque cheikh ayatollah imam porte-parole conseil comité assemblée département bureau
        parlement congrès sénat chambre cour tribunal armée marine force forces garde gardiens corps
        parti mouvement front université agence organisation union banque état états république royaume
        fédération révolution suprême national nationale international internationale fédéral central
        étrangères défense intérieur sécurité unies unis nations bande mer golfe ville province région
        gouvernement alliance accord sommet guerre résistance libération islamique
    """),
    articles=words("le la les l' un une des du au aux ce cet cette ces"),
    sentence_openers=words("""
        le la les un une des du au aux ce cet cette ces son sa ses mon ma mes notre nos votre vos
        leur leurs je il elle on nous vous ils elles en à dans sur sous avec sans pour par entre
        vers chez contre selon après avant pendant depuis et mais ni donc or car quand comme si
        lorsque puisque aussi déjà encore tout toute tous toutes autre autres chaque celui celle
        ceux celles
    """),
    connectives=words("""
        cependant toutefois pourtant néanmoins ensuite puis actuellement alors enfin finalement
        également ainsi auparavant désormais dorénavant entre-temps parallèlement récemment
        initialement autrement sinon
    """),
    noun_markers=words("le la les un une des du de d' l' au aux son sa ses leur leurs ce cet cette ces en à dans pour par sur"),
    months=words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    weekdays=words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    # Reflexives ("nous nous") and interjections ("ha ha", "bla bla").
    legit_doubles=words("nous vous ha ah oh hé hi bla"),
    spaced_punctuation=";:!?»",
    elided="sldnjmtc",
    clitics=words("t il elle on ils elles je tu nous vous le la les lui leur moi toi y en ce"),
    boilerplate_lines=(
        r"source(?: ?: .{0,40})?", r"lire la suite", r"lire aussi", r"à lire aussi", r"en savoir plus",
        r"laisser un commentaire", r"laisser une réponse", r"(?:\d+ )?commentaires?", r"articles? récents?",
        r"articles? similaires", r"sur le même sujet", r"à (?:la une|voir aussi)", r"les plus lus",
        r"partager(?: sur \w+)? ?:?", r"partagez(?: cet article)?", r"suivez[- ]nous(?: sur [\w\s,]+)?",
        r"abonnez[- ]vous(?: à [\w\s]+)?", r"publicité", r"cliquez ici.*",
        r"votre adresse (?:e-mail|email|de messagerie) ne sera pas publiée\.?(?: les champs obligatoires sont indiqués avec \*?)?",
        r"les champs obligatoires sont indiqués avec \*?", r"(?:©|copyright\b\s*©?\s*\d{4}).*", r"tous droits réservés\.?",
        r"à propos (?:de l'auteur|d'\w+|de \w+)", r"mots-clés ?:.*",
        r"(?:voir|afficher|lire|masquer) (?:les |tous les )?(?:\d+ )?(?:commentaires|réactions)", r"réag(?:ir|issez)(?: à (?:cet |l')article)?",
        r"(?:\d+ )?réactions?", r"(?:laissez|ajouter|écrire|postez?) (?:un|votre) commentaire", r"commenter(?: cet article)?",
        r"(?:temps de lecture|lecture)\s*:?\s*\d+\s*(?:min|mn|minutes?)\.?", r"\d+\s*(?:min|minutes?) de lecture",
        r"recevez\b.{0,80}", r"inscrivez-vous\b.{0,80}", r"(?:notre )?(?:newsletter|lettre d'information)\b[^.]{0,60}",
        r"partag(?:er|ez) (?:cet article|l'article|sur \w+|par (?:e-?mail|courriel))", r"envoyer par (?:e-?mail|courriel)",
        r"imprimer(?: (?:l'|cet )article)?", r"copier le lien",
        r"\(?(?:photo|image|vidéo|illustration|crédits?(?: photo)?|photographie)s?\s*(?::|/|©)\s*[^.]{1,60}\)?\.?",
        r"(?:passer|fermer|ignorer) (?:la )?(?:publicité|pub|annonce)", r"contenu sponsorisé", r"sponsorisé(?: par .{1,40})?",
        r"annonce", r"la suite après (?:cette |la )?publicité", r"article réservé aux abonnés",
        r"voir aussi", r"articles? (?:liés|connexes|associés)", r"(?:à )?lire (?:également|encore)", r"sur le même thème",
        r"dans la même rubrique",
        r"(?:cet article vous a (?:plu|intéressé)|vous avez aimé cet article)\b.{0,60}",
    ),
    teaser_headings=(r"voir aussi", r"articles? (?:liés|connexes|associés)", r"(?:à )?lire (?:également|encore)", r"sur le même thème",
                     r"articles? récents?", r"articles? similaires", r"sur le même sujet", r"(?:à )?lire aussi",
                     r"les plus lus", r"à voir aussi"),
    inline_tails=(r"lire la suite", r"en savoir plus"),
    disclaimers=(r"(?:nous utilisons|ce site (?:web )?utilise|notre site utilise) (?:des |les )?cookies",
                 r"en poursuivant (?:votre|la) navigation", r"vous acceptez (?:l'utilisation|l'usage|le dépôt) (?:de |des )?cookies",
                 r"ne reflète(?:nt)? pas (?:nécessairement )?(?:l'opinion|les opinions|la position)",),
    relative_time=r"il y a\s+(?:(?:\d+|une?)\s+(?:seconde|minute|heure|jour|semaine|mois|an)s?|\d+\s*(?:h|min|j)\.?)",
    stamp_labels=r"(?:dernière )?mise à jour(?: le| à)?|mis à jour(?: le| à)?|publié(?: le| à)?|modifié(?: le| à)?|actualisé(?: le| à)?|date de publication",
))
