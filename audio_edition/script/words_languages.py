"""The speaker model's words in French, German, Spanish, Italian and Portuguese (data for `words.py`).

Each table is plain text: space-separated lowercase words; `according` is comma-separated phrases;
`pronouns`, `gendered` and `honorifics` are `word:gender` pairs (`m`, `f`, `x` anyone, `-` unknown).
`auxiliaries` stand between a comma and a participle (`», a déclaré X`) and between a subject and its
verb; `skipped` only between a subject and its verb. Stopwords, titles, honorifics and
organisation words are added to the English ones; the rest replace them.
"""

from __future__ import annotations

TABLES: dict[str, dict[str, str]] = {
    "fr": {
        "title_cues": """intitulé intitulée baptisé baptisée nommé livre chanson
            roman série émission spectacle pièce tableau exposition slogan""",
        "verbs": """dit dire déclaré déclare déclarait affirme affirmé affirmait estime estimé estimait
            ajoute ajouté explique expliqué expliquait souligne souligné assure assuré indique indiqué
            précise précisé confie confié raconte raconté répond répondu insiste insisté martèle martelé
            reconnaît reconnu avertit averti prévient prévenu rappelle rappelé poursuit poursuivi
            conclut conclu admet admis juge jugé annonce annoncé commente commenté déplore déploré
            dénonce dénoncé lance lancé observe observé résume résumé exclame exclamé s’exclame
            s'exclame témoigne témoigné écrit tweeté disait avoue avoué regrette regretté
            s’indigne s'indigne""",
        "according": "selon, d’après, d'après",
        "auxiliaries": "a ont avait avaient aurait auraient est s’est s'est",
        "inverted": "il elle ils elles on",
        "pronouns": "il:m elle:f ils:x elles:x",
        "unnamed": "on nous je tu vous",
        "skipped": """également aussi encore ensuite alors déjà ainsi notamment enfin plus tard
            pourtant toutefois lui-même elle-même""",
        "not_subjects": """le la les un une de du des à au aux en dans pour par sur avec son sa ses
            leur leurs ce cette et ou mais que qui était être été""",
        "determiners": "le la les un une des",
        "definite": "le la les",
        "days": "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "phrase_end": "de du des d qui que dont sur dans à au et en",
        "role_stops": "pour avec",
        "relatives": "qui dont son sa ses leur",
        "stopwords": """le la les un une ce cet cette ces dans en à au aux pour avec depuis par de du
            des selon après avant pendant lors quand où mais et ou si donc aussi puis alors
            aujourd’hui hier demain il elle ils elles nous vous je on son sa ses leur leurs cependant
            toutefois pourtant ainsi enfin malgré sans sous sur entre parmi chez vers contre comme
            d’après d'après face lire""",
        "titles": """président présidente ministre maire porte-parole directeur directrice secrétaire
            député députée sénateur sénatrice préfet préfète juge avocat avocate professeur
            professeure docteur général générale chancelier chancelière premier première adjoint
            adjointe conseiller conseillère chef patron patronne gouverneur ambassadeur ambassadrice
            commissaire procureur procureure responsable habitant habitante chercheur chercheuse
            économiste syndicaliste élu élue militant militante commerçant commerçante""",
        "honorifics": "m:m mme:f mlle:f monsieur:m madame:f mademoiselle:f me:- pr:-",
        "org_words": """ministère mairie conseil gouvernement assemblée sénat parti syndicat banque
            groupe université tribunal société entreprise association institut fondation commission
            police gendarmerie ville région département préfecture élysée matignon""",
        "gendered": "il:m elle:f",
    },
    "de": {
        "title_cues": """titel namens genannt buch lied roman
            serie sendung stück ausstellung gedicht schlagzeile motto""",
        "verbs": """sagte sagt sagten gesagt erklärte erklärt erklärten betonte betont betonten meinte
            meint ergänzte ergänzt berichtete berichtet warnte warnt warnten kritisierte kritisiert
            forderte fordert versicherte versichert bestätigte bestätigt antwortete antwortet schrieb
            schreibt unterstrich unterstreicht erläuterte erläutert mahnte mahnt äußerte äußert
            sprach spricht fügte räumte teilte kündigte stellte""",
        "according": "laut, so, zufolge",
        "after_comma": "so",
        "auxiliaries": "hat habe hatte haben hatten",
        "pronouns": "er:m sie:f",
        "unnamed": "wir ich man es du ihr",
        "skipped": "auch dann noch bereits zudem außerdem später zuvor jedoch",
        "not_subjects": """der die das den dem des ein eine einen einem einer eines und oder aber mit
            von zu in im am auf für aus bei nach sein seine ihr ihre war ist sei""",
        "determiners": "der die das den dem des ein eine einen einem einer eines",
        "definite": "der die das den dem des",
        "days": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
        "phrase_end": "von der des die das und in im am auf für mit",
        "role_stops": "aus bei",
        "relatives": "der die das den dem dessen deren sein seine ihr ihre",
        "stopwords": """der die das den dem des ein eine in im am an auf für mit von nach vor bei seit
            während wenn als wo aber und oder auch so dann heute gestern morgen laut zudem außerdem
            jedoch trotzdem dennoch er sie es wir ich ihr man sein seine ihre dieser diese dieses
            zum zur vom beim über unter gegen ohne durch wie doch""",
        "titles": """präsident präsidentin bundespräsident bundespräsidentin bundeskanzler
            bundeskanzlerin kanzler kanzlerin minister ministerin bürgermeister bürgermeisterin
            oberbürgermeister oberbürgermeisterin sprecher sprecherin regierungssprecher
            regierungssprecherin direktor direktorin chefin vorsitzender vorsitzende abgeordneter
            abgeordnete senatorin richter richterin professorin doktor geschäftsführer
            geschäftsführerin leiter leiterin experte expertin anwalt anwältin landrat landrätin""",
        # compound titles end in one of these (`Fraktionschef`, `Pressesprecherin`, `Landesvorsitzende`)
        "title_heads": """chef chefin sprecher sprecherin leiter leiterin vorsitzender vorsitzende
            minister ministerin präsident präsidentin direktor direktorin""",
        "honorifics": "herr:m frau:f",
        "org_words": """ministerium regierung bundesregierung partei gewerkschaft bank gruppe universität
            gericht gesellschaft verein institut stiftung kommission polizei stadt land bundestag
            senat rathaus verband behörde amt""",
        "gendered": "er:m",
    },
    "es": {
        "title_cues": """titulado titulada llamado llamada película libro
            canción novela serie programa obra exposición lema""",
        "verbs": """dijo dice decía dicho afirmó afirma afirmado explicó explica explicado señaló
            señala señalado aseguró asegura asegurado añadió añade añadido agregó agrega indicó indica
            declaró declara declarado sostuvo sostiene advirtió advierte subrayó subraya destacó
            destaca apuntó apunta insistió insiste reconoció reconoce comentó comenta manifestó
            manifiesta expresó expresa respondió responde contó cuenta relató relata admitió admite
            precisó precisa concluyó concluye escribió preguntó pregunta exclamó lamentó lamenta""",
        "according": "según",
        "auxiliaries": "ha había han habían",
        "pronouns": "él:m ella:f ellos:x ellas:x",
        "unnamed": "nosotros yo tú usted ustedes",
        "skipped": "también además luego después ya hoy ayer",
        "not_subjects": """el la los las un una de del a al en para por con su sus y o pero que era
            es fue ser""",
        "determiners": "el la los las un una unos unas",
        "definite": "el la los las",
        "days": "lunes martes miércoles jueves viernes sábado domingo",
        "phrase_end": "de del que quien en a al y con",
        "role_stops": "para por",
        "relatives": "que quien quienes su sus",
        "stopwords": """el la los las un una en de del a al para por con sin según tras desde durante
            cuando donde pero y o si como también ya hoy ayer mañana él ella ellos ellas nosotros yo
            su sus este esta estos estas ese esa además entonces aunque porque mientras ante bajo
            entre hacia hasta sobre""",
        "titles": """presidente presidenta ministro ministra alcalde alcaldesa portavoz director
            directora secretario secretaria diputado diputada senador senadora gobernador
            gobernadora juez jueza abogado abogada profesor profesora doctora jefe jefa canciller
            consejero consejera concejal concejala embajador embajadora fiscal vecino vecina experto
            experta""",
        "honorifics": "sr:m sra:f srta:f señor:m señora:f don:m doña:f dra:f",
        "org_words": """ministerio ayuntamiento gobierno congreso partido sindicato banco grupo
            universidad tribunal empresa asociación instituto fundación comisión policía ciudad""",
        "gendered": "él:m ella:f",
    },
    "it": {
        "title_cues": """intitolato intitolata chiamato chiamata libro canzone
            romanzo serie programma spettacolo mostra slogan""",
        "verbs": """detto dice diceva disse affermato afferma affermò spiegato spiega spiegò
            dichiarato dichiara dichiarò sottolineato sottolinea sottolineò aggiunto aggiunge
            aggiunse osservato osserva ribadito ribadisce precisato precisa commentato commenta
            raccontato racconta risposto risponde rispose annunciato annuncia avvertito avverte
            assicurato assicura sostenuto sostiene ammesso ammette concluso conclude scritto
            evidenziato evidenzia""",
        "according": "secondo",
        "auxiliaries": "ha aveva hanno avevano",
        "pronouns": "lui:m lei:f egli:m loro:x",
        "unnamed": "noi io tu voi",
        "skipped": "anche poi inoltre già ieri oggi",
        "not_subjects": """il lo la i gli le un una di del della dei delle a al alla in nel nella per
            con su suo sua suoi e o ma che era è stato essere""",
        "determiners": "il lo la i gli le un uno una",
        "definite": "il lo la i gli le",
        "days": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
        "phrase_end": "di del della dei delle che in a al e con",
        "role_stops": "per da",
        "relatives": "che cui suo sua suoi",
        "stopwords": """il lo la i gli le un una in di del della a al per con su da dal secondo dopo
            prima durante quando dove ma e o se come anche già oggi ieri domani lui lei loro noi io suo
            sua questo questa però inoltre quindi mentre perché tra fra verso contro""",
        "titles": """presidente ministro ministra sindaco sindaca portavoce direttore direttrice
            segretario segretaria deputato deputata senatore senatrice governatore giudice avvocato
            avvocata professore professoressa dottore dottoressa generale cancelliere consigliere
            assessore assessora ambasciatore procuratore esperto esperta""",
        "honorifics": "sig:m signor:m signore:m signora:f dott:- dottor:-",
        "org_words": """ministero comune governo parlamento partito sindacato banca gruppo università
            tribunale società associazione istituto fondazione commissione polizia città regione""",
        "gendered": "lui:m lei:f",
    },
    "pt": {
        "title_cues": """intitulado intitulada chamado chamada filme livro
            canção romance série programa peça exposição lema""",
        "verbs": """disse diz dizia dito afirmou afirma afirmado explicou explica declarou declara
            sublinhou sublinha acrescentou acrescenta destacou destaca ressaltou ressalta garantiu
            garante assegurou assegura indicou indica salientou salienta adiantou adianta avisou
            alertou alerta respondeu responde contou conta admitiu admite reconheceu reconhece
            comentou comenta defendeu defende observou observa frisou frisa escreveu concluiu
            conclui""",
        "according": "segundo, de acordo com",
        "auxiliaries": "tem tinha têm tinham",
        "pronouns": "ele:m ela:f eles:x elas:x",
        "unnamed": "nós eu você vocês",
        "skipped": "também ainda depois já ontem hoje",
        "not_subjects": """o a os as um uma de do da dos das em no na nos nas para por com seu sua e ou
            mas que era é foi ser""",
        "determiners": "o a os as um uma uns umas",
        "definite": "o a os as",
        "days": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
        "phrase_end": "de do da dos das que em no na e com",
        "role_stops": "para por",
        "relatives": "que quem cujo cuja seu sua",
        "stopwords": """o a os as um uma em no na de do da para por com sem segundo após antes durante
            quando onde mas e ou se como também já hoje ontem amanhã ele ela eles elas nós eu seu sua
            este esta esse essa porém além entanto então embora porque enquanto entre sobre""",
        "titles": """presidente presidenta ministro ministra prefeito prefeita porta-voz diretor
            diretora secretário secretária deputado deputada senador senadora governador governadora
            juiz juíza advogado advogada professor professora doutor doutora chefe chanceler
            vereador vereadora embaixador embaixadora procurador procuradora especialista autarca""",
        "honorifics": "sr:m sra:f senhor:m senhora:f dom:m dona:f dra:f",
        "org_words": """ministério prefeitura câmara governo partido sindicato banco grupo universidade
            tribunal empresa associação instituto fundação comissão polícia cidade""",
        "gendered": "ele:m ela:f",
    },
}
