"""Spanish."""

from auditor.languages.profile import LanguageProfile, register, words

PROFILE = register(LanguageProfile(
    code="es",
    name="Spanish",
    function_words=words("""
        el la los las un una unos unas lo al del de en a con sin por para sobre entre hasta desde hacia
        contra según tras durante mediante ante bajo y e o u ni pero sino que quien quienes cual cuales
        cuyo cuya donde cuando como porque pues si aunque mientras también tampoco no ya muy más menos
        yo tú él ella ello nosotros nosotras ellos ellas usted ustedes me te se nos os le les su sus mi
        mis tu tus nuestro nuestra nuestros nuestras este esta estos estas ese esa esos esas aquel aquella
        es son fue fueron era eran ha han había habían será serán está están estaba estaban hay
        todo toda todos todas otro otra otros otras cada
    """),
    finite_verbs=words("""
        es son fue fueron era eran sea sean será serán sería serían ha han he has hemos había habían habrá
        habría hay está están estaba estaban estuvo estuvieron estará estarán puede pueden podía podrá
        podría debe deben debía deberá debería tiene tienen tenía tuvo tendrá va van iba fue dijo dicen
        dice dijeron hizo hace hacen hicieron sigue siguen quiere quieren sabe saben cree creen parece
        vino viene vienen dio da dan pidió pide
    """),
    finite_suffixes=("ó", "aron", "ieron", "aba", "aban", "ía", "ían", "ará", "erá", "irá", "arán",
                     "erán", "irán", "aría", "ería", "iría", "arían", "erían", "irían", "amos", "emos",
                     "imos", "aste", "iste"),
    nonfinite_suffixes=("ando", "iendo", "yendo", "ado", "ados", "ido", "idos", "mente"),
    present_suffixes=("a", "e", "an", "en"),
    abbreviations=words("""
        sr sra srta dr dra lic ing gral gob pdte prof sto sta ud uds dña dn av avda núm no tel
        ene feb mar abr may jun jul ago sep sept oct nov dic etc ee.uu eeuu p.ej a.m p.m
        sres sras srs dres cía pág págs vol art s.a s.l v vs mr mrs ms st rev jr
    """),
    title_words=words("""
        presidente presidenta vicepresidente ministro ministra ministerio secretario secretaria jefe
        jefa director directora gobernador gobernadora senador senadora embajador general coronel
        comandante rey reina príncipe princesa papa cardenal obispo jeque ayatolá imán portavoz
        consejo comité asamblea departamento oficina parlamento congreso senado cámara corte tribunal
        ejército armada fuerza fuerzas guardia cuerpo partido movimiento frente universidad agencia
        organización unión banco estado estados república reino federación revolución revolucionaria
        suprema supremo nacional internacional federal central exteriores defensa interior seguridad
        unidas unidos naciones franja mar golfo río ciudad provincia región gobierno alianza acuerdo
        cumbre guerra resistencia liberación islámica islámico
    """),
    articles=words("el la los las un una unos unas este esta estos estas ese esa esos esas aquel aquella"),
    sentence_openers=words("""
        el la los las un una unos unas este esta estos estas ese esa esos esas aquel aquella su sus
        mi mis nuestro nuestra nuestros nuestras yo él ella ellos ellas nosotros nosotras usted
        ustedes se le les lo en con sin por para sobre entre hasta desde hacia contra según tras
        durante mediante ante bajo pero sino cuando como porque pues si aunque mientras también
        tampoco no ya todo toda todos todas otro otra otros otras cada quien donde
    """),
    connectives=words("""
        además asimismo posteriormente actualmente entonces luego después finalmente todavía incluso
        igualmente previamente anteriormente recientemente inicialmente entretanto mientras tampoco
    """),
    noun_markers=words("el la los las un una unos unas del al de su sus este esta estos estas ese esa en con por para"),
    months=words("enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"),
    weekdays=words("lunes martes miércoles jueves viernes sábado domingo"),
    # Interjections ("ja ja", "bla bla"); not "ha", the auxiliary ("ha ha dicho" is a slip).
    legit_doubles=words("ja je ji ah oh bla"),
    boilerplate_lines=(
        r"fuente(?:: .{0,40})?", r"leer más", r"seguir leyendo", r"sigue leyendo", r"deja (?:una respuesta|un comentario)",
        r"(?:\d+ )?comentarios?", r"entradas? recientes", r"art[íi]culos? relacionados?", r"noticias relacionadas",
        r"te puede interesar", r"también te puede interesar", r"lo más (?:leído|visto)", r"últimas noticias",
        r"compartir(?: en \w+)?:?", r"comparte(?: esta noticia)?", r"síguenos(?: en [\w\s,]+)?",
        r"suscr[íi]bete(?: a [\w\s]+)?", r"publicidad", r"haz clic aquí.*",
        r"tu dirección de correo electrónico no será publicada\.?(?: los campos obligatorios están marcados con \*?)?",
        r"los campos obligatorios están marcados con \*?", r"(?:©|copyright\b\s*©?\s*\d{4}).*", r"todos los derechos reservados\.?",
        r"acerca de \w+", r"sobre el autor", r"etiquetas:.*",
        r"(?:ver|mostrar|leer|cargar|ocultar) (?:los |todos los )?(?:\d+ )?comentarios", r"(?:deja|escribe|añade|agrega) (?:tu|un|su) comentario",
        r"comenta(?:r)?(?: (?:esta noticia|este artículo))?",
        r"(?:tiempo (?:estimado )?de lectura|lectura)\s*:?\s*\d+\s*(?:min|mins|minutos?)\.?", r"\d+\s*(?:min|minutos?) de lectura",
        r"(?:recibe|reciba)\b.{0,60}\b(?:correo|email|e-mail|boletín|newsletter|bandeja de entrada|whatsapp|telegram)\b.{0,40}",
        r"(?:comparte|compartir) (?:este artículo|esta nota|esta información|en \w+)", r"enviar por (?:correo|email|e-mail|whatsapp)",
        r"imprimir(?: (?:noticia|artículo|nota))?", r"copiar (?:el )?enlace",
        r"\(?(?:foto(?:grafía)?|imagen|vídeo|video|ilustración|infografía)s?\s*(?::|/|©)\s*[^.]{1,60}\)?\.?",
        r"(?:foto|imagen) de archivo\b[^.]{0,60}\.?",
        r"(?:saltar|omitir|cerrar) (?:la )?(?:publicidad|anuncio)", r"anuncio", r"contenido patrocinado", r"patrocinado(?: por .{1,40})?",
        r"(?:la noticia|el artículo|la nota) continúa (?:abajo|debajo|tras la publicidad|después de la publicidad)",
        r"m[aá]s informaci[oó]n", r"(?:lee|lea|leer|ver|vea) (?:también|además|más)", r"te recomendamos", r"relacionad[oa]s?",
        r"¿?te (?:gustó|ha gustado) (?:este artículo|esta noticia|esta nota)\b.*",
    ),
    teaser_headings=(r"(?:lee|lea|leer|ver|vea) (?:también|además)", r"te recomendamos", r"m[aá]s informaci[oó]n", r"relacionad[oa]s?",r"entradas? recientes", r"art[íi]culos? relacionados?", r"noticias relacionadas",
                     r"(?:también )?te puede interesar", r"lo más (?:leído|visto)", r"últimas noticias", r"lee también"),
    inline_tails=(r"leer más", r"seguir leyendo", r"sigue leyendo"),
    disclaimers=(r"(?:utilizamos|usamos|este (?:sitio|sitio web|portal|medio) (?:utiliza|usa)) (?:las |nuestras |propias )?cookies",
                 r"al continuar (?:navegando|con la navegación)", r"acept(?:as|a|ar) (?:el uso de |nuestra política de |todas las )?cookies",
                 r"no (?:necesariamente )?refleja[n]? (?:necesariamente )?(?:la|las) (?:opinión|opiniones|posición)",),
    relative_time=r"hace\s+(?:(?:\d+|un|una)\s+(?:segundo|minuto|hora|día|semana|mes|año)s?|\d+\s*(?:h|min|d)\.?)",
    stamp_labels=r"(?:última )?actualizaci[oó]n|actualizad[oa]|publicad[oa]|modificad[oa]|fecha(?: de publicación)?",
))
