"""Portuguese (European and Brazilian)."""

from auditor.languages.profile import LanguageProfile, register, words

PROFILE = register(LanguageProfile(
    code="pt",
    name="Portuguese",
    function_words=words("""
        o a os as um uma uns umas ao aos à às do da dos das de em no na nos nas num numa pelo pela pelos
        pelas por para com sem sobre entre até desde contra segundo após durante e ou mas nem que quem
        qual quais cujo cuja onde quando como porque se embora enquanto também não já muito mais menos
        eu tu ele ela nós vós eles elas você vocês me te se lhe lhes seu sua seus suas meu minha meus
        minhas nosso nossa nossos nossas este esta estes estas esse essa esses essas aquele aquela isso
        isto é são foi foram era eram será serão está estão estava estavam há tem têm todo toda todos
        todas outro outra outros outras cada
    """),
    finite_verbs=words("""
        é são foi foram era eram seja sejam será serão seria seriam há houve havia haverá tem têm tinha
        tinham teve tiveram terá terão teria está estão estava estavam esteve estiveram estará pode podem
        podia pôde poderá poderia deve devem devia deverá deveria vai vão ia iam fez faz fazem fizeram
        disse dizem diz disseram quer querem sabe sabem parece vem vêm veio deu dá dão pediu pede eis
    """),
    finite_suffixes=("ou", "aram", "eram", "iram", "ava", "avam", "ia", "iam", "ará", "erá", "irá",
                     "arão", "erão", "irão", "aria", "eria", "iria", "ariam", "eriam", "iriam", "amos", "ámos",
                     "emos", "imos", "eu", "iu"),
    nonfinite_suffixes=("ando", "endo", "indo", "ado", "ados", "ido", "idos", "mente"),
    present_suffixes=("a", "e", "am", "em", "ui"),
    abbreviations=words("""
        sr sra srta dr dra prof eng gen cel cap sto sta av no nº tel jan fev mar abr mai jun jul ago set
        out nov dez etc p.ex a.c d.c srs sras pe pde fr ltda cia pág vol art s.a v vs mr mrs ms st rev jr
    """),
    title_words=words("""
        presidente vice-presidente ministro ministra ministério secretário secretária chefe diretor
        diretora governador senador embaixador general coronel comandante rei rainha príncipe princesa
        papa cardeal bispo xeque aiatolá imã porta-voz conselho comitê comité assembleia departamento
        gabinete parlamento congresso senado câmara corte tribunal exército marinha força forças guarda
        corpo partido movimento frente universidade agência organização união banco estado estados
        república reino federação revolução revolucionária suprema supremo nacional internacional
        federal central exteriores estrangeiros defesa interior segurança unidas unidos nações faixa
        mar golfo rio cidade província região governo aliança acordo cúpula guerra resistência
        libertação islâmica islâmico
    """),
    articles=words("o a os as um uma uns umas este esta estes estas esse essa esses essas aquele aquela"),
    sentence_openers=words("""
        o a os as um uma uns umas este esta estes estas esse essa esses essas aquele aquela isso
        isto seu sua seus suas meu minha meus minhas nosso nossa nossos nossas eu ele ela nós eles
        elas você vocês se em no na nos nas num numa ao aos à às com sem sobre entre até desde
        contra segundo após durante por para pelo pela pelos pelas mas nem quando como porque
        embora enquanto também não já todo toda todos todas outro outra outros outras cada quem onde
    """),
    connectives=words("""
        contudo entretanto porém todavia ademais posteriormente atualmente actualmente então depois
        finalmente ainda inclusive igualmente anteriormente recentemente inicialmente portanto aliás
        enfim
    """),
    noun_markers=words("o a os as um uma uns umas do da dos das no na nos nas de em ao aos à às seu sua seus suas pelo pela por para com"),
    months=words("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    weekdays=words("segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo segunda terça quarta quinta sexta"),
    # The conjunction before the reflexive ("se se confirmar") and interjections ("ha ha",
    # "blá blá").
    legit_doubles=words("se ha ah oh rs blá bla"),
    clitics=words("se o a os as lo la los las no na nos nas lhe lhes me te vos"),
    boilerplate_lines=(
        r"fonte(?:: .{0,40})?", r"leia mais", r"leia também", r"continue lendo", r"saiba mais",
        r"deixe (?:uma resposta|um comentário|seu comentário)", r"(?:\d+ )?comentários?", r"posts? recentes",
        r"(?:artigos|notícias|matérias) relacionad[ao]s", r"veja também", r"você (?:pode|também pode) gostar",
        r"mais lidas", r"últimas notícias", r"compartilh(?:e|ar)(?: (?:isso|no \w+|esta notícia))?:?",
        r"partilh(?:e|ar)(?: no \w+)?:?", r"siga-nos(?: n[oa] [\w\s,]+)?", r"(?:assine|inscreva-se)(?: [\w\s]+)?",
        r"publicidade", r"clique aqui.*",
        r"o seu endereço de e-mail não será publicado\.?(?: campos obrigatórios são marcados com \*?)?",
        r"seu endereço de e-mail não será publicado\.?.*", r"campos obrigatórios são marcados com \*?",
        r"(?:©|copyright\b\s*©?\s*\d{4}).*", r"todos os direitos reservados\.?", r"sobre (?:o autor|\w+)", r"tags:.*",
        r"(?:ver|mostrar|ler|carregar|esconder) (?:os |todos os )?(?:\d+ )?comentários", r"(?:deixe|escreva|adicione|faça) (?:o )?(?:seu |um )?comentário",
        r"comente(?: (?:esta notícia|este artigo))?", r"comentar",
        r"(?:tempo (?:estimado )?de leitura|leitura)\s*:?\s*\d+\s*(?:min|mins|minutos?)\.?", r"\d+\s*(?:min|minutos?) de leitura",
        r"receba\b.{0,80}", r"(?:subscreva|assine|inscreva-se)\b.{0,60}\b(?:newsletter|boletim|e-?mail)\b.{0,40}",
        r"partilh(?:e|ar) (?:este artigo|esta notícia|no \w+|por e-?mail)",
        r"compartilh(?:e|ar) (?:este artigo|esta notícia|esta matéria|no \w+|por e-?mail)",
        r"enviar por (?:e-?mail|whatsapp)", r"imprimir", r"copiar (?:o )?link",
        r"\(?(?:foto(?:grafia)?|imagem|vídeo|ilustração|créditos?)s?\s*(?::|/|©)\s*[^.]{1,60}\)?\.?",
        r"(?:pular|saltar|fechar|ignorar) (?:o |a )?(?:anúncio|publicidade)", r"anúncio", r"conteúdo patrocinado",
        r"patrocinado(?: por .{1,40})?", r"(?:o artigo|a reportagem|a matéria|a notícia)? ?continua (?:depois|após|abaixo)(?: da publicidade)?",
        r"(?:leia|veja|ler|ver) (?:também|ainda|mais)", r"(?:mais|outras) notícias", r"recomendad[oa]s?(?: para você)?",
        r"relacionad[oa]s?", r"gostou (?:deste artigo|desta notícia|desta matéria|do artigo)\b.*",
    ),
    teaser_headings=(r"(?:leia|veja|ler) (?:também|ainda)", r"relacionad[oa]s?", r"(?:mais|outras) notícias",r"posts? recentes", r"(?:artigos|notícias|matérias) relacionad[ao]s", r"veja também",
                     r"você (?:pode|também pode) gostar", r"mais lidas", r"últimas notícias", r"leia também"),
    inline_tails=(r"leia mais", r"continue lendo", r"saiba mais"),
    disclaimers=(r"(?:utilizamos|usamos|este (?:site|sítio|portal) (?:utiliza|usa)) (?:os |nossos )?cookies",
                 r"ao continuar (?:a navegar|navegando)", r"(?:concorda|aceita) com (?:a nossa |a |nossa )?política de cookies",
                 r"não reflete(?:m)? (?:necessariamente )?(?:a|as) (?:opinião|opiniões|posição)",),
    relative_time=r"há\s+(?:(?:\d+|um|uma)\s+(?:segundo|minuto|hora|dia|semana|mês|meses|ano)s?|\d+\s*(?:h|min|d)\.?)",
    stamp_labels=r"(?:última )?(?:atualiza|actualiza)ção|(?:atualizad|actualizad|publicad|modificad)[oa](?: em| no dia| a| às)?",
))
