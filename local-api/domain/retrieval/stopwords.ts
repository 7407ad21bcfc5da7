/**
 * Words that carry no topic of their own, per language, in folded form (lower case, no accents):
 * function words, auxiliaries, the light verbs guests wrap questions in ("can I leave / bring /
 * find …"), greetings and politeness. A word left in a question that is none of these and no concept
 * counts as a unit the answer must cover, so these lists decide what "the rest of the question" is.
 * No word here may be a one-word term of the same language in the concept lexicon (a test checks).
 */
import type { Language } from './languages.js'

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean))

export const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  en: words(`
    a an the and or but if then so than that this these those there here it its i me my mine we us our ours you your yours he him his she her
    they them their theirs what which who whom whose how where why whether is am are was were be been being have has had having do does did
    doing done can could may might must shall should will would get gets got getting go goes going went come comes coming put puts leave
    leaving left take takes bring brings find use using let make need needs want wanted wants like would know tell ask see look give keep
    stay staying to of in on at by for with without from into onto about as up down off over under out not no yes any some anything
    something all every each other another more most very really just also too still already again maybe perhaps please pls plz hi hello
    hey dear thanks thank thx cheers regards best ok okay sorry excuse question questions quick info information wondering wonder able
    possible possibility allowed allow permitted available availability guys team sir madam mr mrs ms hotel hotels property there's
    what's don doesn didn isn aren won wasn weren couldn wouldn shouldn haven hasn ca im ive id much many long often usually normally
    currently actually exactly approximately roughly somewhere anywhere around extra additional own person persons people guest guests
    morning afternoon evening night work working problem issue thing things way one also via just kindly accept accepted
    accepting
  
    whats someone somebody anyone only after before until till during since send order couple little bit grab chance stuff wife husband father mother mom mum dad partner boyfriend girlfriend colleague think feel sure now right fine good great nice lovely next last first whole both per day days week
  
    uses used serve served serving travel travelling traveling month months year years leaves
  
    call calling
  `),
  de: words(`
    der die das den dem des ein eine einen einem einer eines und oder aber wenn dann so dass als wie was wer wo woher wohin warum weshalb
    ob ist sind war waren bin bist sein seid gewesen habe hast hat haben habt hatte hatten kann kannst konnen konnt konnte konnten darf
    durfen darfst muss mussen musst soll sollen sollte will wollen willst mochte mochten mochtest wurde wurden werde wird werden ich mich
    mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer du dich dir dein deine sie ihr ihre ihren ihrem ihnen
    er ihn ihm es man zu zum zur von vom mit ohne fur auf an am im in ins aus bei beim nach vor uber unter um bis ab durch gegen nicht kein
    keine keinen ja nein auch noch schon nur sehr mal bitte danke dank vielen hallo hi hey servus moin gruss gott guten tag morgen abend
    nacht liebe lieber geehrte geehrter gibt geben gehen kommen bringen mitbringen nehmen mitnehmen lassen machen brauchen brauche wissen
    sagen fragen frage kurze info infos moglich moglichkeit erlaubt verfugbar etwas irgendwo da hier dort denn doch eigentlich ungefahr
    etwa gerne gern welche welcher welches welchen diese dieser dieses hotel hotels person personen gast gaste leute abstellen benutzen
    nutzen finden frei bekommen gibts viele vielleicht einfach jemand lautet heisst akzeptiert akzeptieren
  
    euch pro ware waere komme kommt passiert geht gehts vorhanden suchen sucht suche schicken senden zuschicken bestellen bestelle frau mann mutter vater kollege denke glaube nochmal erst danach vorher wahrend seit jeden jede jeder alle beide woche abends morgens nachmittags zusammen okay ok super toll wirklich furs
  
    servieren serviert reisen reise reist fahren fahrt fahre monat monate monaten jahr jahre jahren hierlassen abgeben
  
    viel
  
    rufen ruft
  `),
  fr: words(`
    le la les l un une des du de d au aux et ou mais si donc que qu qui quoi quel quelle quels quelles comment ou pourquoi est sont suis es
    sommes etes etre ete avoir ai as a avons avez ont avait pouvoir peux peut pouvons pouvez peuvent puis pourrais pourriez pourrait
    pourrions dois doit devons devez faut faire fais fait voudrais voudrions voulons voulez veux vouloir aimerais aimerions souhaite
    souhaiterais souhaitons je j me m moi mon ma mes nous notre nos vous votre vos tu te t toi ton ta tes il elle ils elles on se s son sa
    ses leur leurs ce c cet cette ces ca cela ceci y en dans sur sous avec sans pour par chez vers ne n pas plus non oui aussi encore deja
    tres bien bonjour bonsoir salut merci svp stp plait question petite petit info infos information possible possibilite autorise
    autorises autorisee disponible quelque chose hotel hotels personne personnes gens trouver mettre laisser prendre amener apporter
    emmener venir aller utiliser savoir dire demander besoin car madame monsieur cordialement beaucoup bonne journee soiree
    accepte acceptes acceptee acceptez acceptees
  
    faites font jour jours nuit nuits semaine matin soir apres avant pendant depuis jusqu jusque jusqua seulement juste quelqu mari femme pere mere envoyer renvoyer commander pourra pourrons sera serait seront attendant deux trois quatre normal normale organise organiser cherche cherchons chercher tout tous toute toutes chaque peu place
  
    roule rouler conduire conduis sert servi servir venons venez viens vient viendrons viendra voyageons voyager mois an ans
  
    servez servons servent
  
    appeler appelez
  `),
  it: words(`
    il lo la i gli le l un uno una di del dello della dei degli delle d a al allo alla ai agli alle all da dal dalla dai in nel nella nei
    nelle su sul sulla con per tra fra e ed o oppure ma se che chi cosa come dove perche quale quali sono sei siamo siete essere stato ho
    hai ha abbiamo avete hanno avere posso puoi puo possiamo potete possono potrei potremmo potreste devo deve dobbiamo bisogna fare faccio
    vorrei vorremmo volevo vogliamo io mi me mio mia miei mie noi ci ce nostro nostra nostri nostre voi vi vostro vostra tu ti te tuo tua
    lui lei loro suo sua si non no anche ancora gia molto bene ciao buongiorno buonasera salve grazie prego favore domanda info
    informazione informazioni possibile possibilita consentito consentiti ammessi ammesso disponibile qualcosa albergo hotel persona
    persone lasciare mettere prendere portare trovare usare venire andare sapere dire chiedere bisogno ecco qui qua la li c v gentile
    gentilmente salve cortesemente serve servono qual accettate accettati accettano accettato
  
    dopo prima durante fino finche solo soltanto altro altri altra altre due tre quattro notte notti giorno giorni sera mattina mattino settimana mandare spedire spedirmeli ordinare moglie marito madre padre qualcuno cerchiamo cerco cercare dev fa fanno tutto tutti tutta ogni po anni mesi mese scusi scusa
  
    servire servito servita veniamo vengo viaggiamo viaggiare
  
    servite serviamo
  
    chiamare chiamate
  `),
  es: words(`
    el la los las lo un una unos unas de del al a en con sin por para y e o u pero si que quien cual como donde porque es son soy somos
    sois esta estan estoy estamos ser estar ha he has hemos habeis han hay haber tener tengo tiene tenemos teneis tienen puedo puede
    podemos podeis pueden podria podriamos quiero queremos queria gustaria debo debe hacer hago yo me mi mis mio nosotros nosotras nos
    nuestro nuestra nuestros nuestras vosotros os vuestro usted ustedes su sus tu te ti el ella ellos ellas se no si tambien ya muy bien
    hola buenos buenas gracias favor pregunta info informacion posible posibilidad permitido permitidos permiten admiten admite
    disponible algo hotel persona personas gente dejar poner llevar traer tomar coger encontrar usar venir ir saber decir preguntar
    necesito necesitamos necesitar aqui alli ahi esto eso este estos estas ese esa saludos aceptan aceptais aceptado aceptados
  
    mas despues antes durante hasta desde solo solamente otro otros otra otras dos tres cuatro noche noches dia dias semana madre padre esposa marido mujer alguien enviar mandar pedir va van vamos funciona funcionar moverse buscar buscamos busco todo todos toda cada poco anos meses sitio entrar hace
  
    sirven sirve servis servir salir venimos vengo viajamos viajar
  
    llamar llamen
  `),
}

/**
 * Greetings and politeness that are not single words ("buenas tardes" is not "late"; "guten Morgen"
 * is not tomorrow). Dropped, as folded token sequences, before anything else reads the question.
 */
export const STOP_PHRASES: readonly string[] = [
  'good morning',
  'good afternoon',
  'good evening',
  'good night',
  'good day',
  'thank you',
  'thanks a lot',
  'many thanks',
  'thanks in advance',
  'quick question',
  'kind regards',
  'best regards',
  'have a nice day',
  'guten morgen',
  'guten tag',
  'guten abend',
  'gute nacht',
  'vielen dank',
  'danke schon',
  'kurze frage',
  'eine frage',
  'liebe grusse',
  'mit freundlichen grussen',
  'bonne journee',
  'bonne soiree',
  'merci beaucoup',
  'petite question',
  'une question',
  'buon giorno',
  'buona sera',
  'buona giornata',
  'mille grazie',
  'grazie mille',
  'per cortesia',
  'per favore',
  'una domanda',
  'buenos dias',
  'buenas tardes',
  'buenas noches',
  'muchas gracias',
  'una pregunta',
  'por favor',
]

/** Articles and possessives: skipped inside a lexicon phrase ("get into our room" = "get into the room"). */
export const FILLERS: Record<Language, ReadonlySet<string>> = {
  en: words('a an the my our your his her their this that'),
  de: words('der die das den dem des ein eine einen einem einer mein meine meinen meinem unser unsere unseren unserem ihr ihre ihren ihrem'),
  fr: words('le la les l un une mon ma mes notre nos votre vos son sa ses leur leurs ce cet cette ces'),
  it: words('il lo la i gli le l un uno una mio mia miei mie nostro nostra nostri nostre vostro vostra suo sua'),
  es: words('el la los las un una unos unas mi mis nuestro nuestra nuestros nuestras vuestro vuestra su sus'),
}

/** Question words that are not stopwords (they are terms of the time or price concept) but say which language a text is in. */
export const LANGUAGE_HINTS: Record<Language, ReadonlySet<string>> = {
  en: words('when how much'),
  de: words('wann wieviel viel uhr'),
  fr: words('quand combien heure'),
  it: words('quando quanto ora orario'),
  es: words('cuando cuanto hora horario'),
}
