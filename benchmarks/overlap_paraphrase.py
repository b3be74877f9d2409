"""Tune data for the overlap finder: a second author rewrites efforts in another programme.

A generator written apart from ``overlap_corpus`` (its own subjects, places,
instruments and sentences, nothing shared with it), modelled on how real Dutch
programme contracts write efforts and goals (the Almelo contracts in
``examples/almelo`` and their sources): short titles (*Tegengaan hittestress*,
*Uitbreiden buurtbemiddeling*), a title sometimes opening with its track's name
(``Zorg en welzijn - …``), descriptions that repeat the title with a full stop or
add a clause, an example in brackets (*o.a. …*), a partner, a place, an
abbreviation.  **Tune data**: the finder may be tuned on its figures (seed 11 to
tune, 12 and 13 to check).  It is not the held-out generator and says nothing
about it.

What a portfolio holds
----------------------
One municipality (*Hoornveld*, its wijken, buurten and dorpen) with 5 to 15
programmes (*Sociaal domein*, *Duurzaamheid en klimaat*, …), each with its own
subjects, tracks, strategic goals (not judged) and operational goals (judged:
one per subject the programme works on, and the goals planted below).

Every effort is about a **subject** of municipal policy (about eighty along the
BBV taakvelden: *eenzaamheid onder ouderen*, *zwerfafval*, *verduurzamen van
woningen*), done with an **instrument** (*buurtkamer*, *huisbezoeken*,
*subsidieregeling*), often in a **place** (a buurt, wijk or dorp; else the whole
municipality).  A subject is named in one of several ways a second author would
use (*eenzaamheid onder ouderen* ~ *sociaal isolement van senioren*; *zwerfafval*
~ *afval op straat*), as a verb or a noun (*verduurzamen van woningen* ~
*verduurzaming van de woningvoorraad*), and an instrument as a compound or
written apart (*buurtkamer* ~ *kamer in de buurt*).  A few subjects a reader
treats as one (*hittestress*, *wateroverlast*, *ontstenen van tuinen*: climate
adaptation) share a **subject label**.

What is planted
---------------
* **Rewrites** (about 8% of the efforts): an effort of another programme on the
  same subject, instrument and place, written by a second author: another
  naming of the subject and often of the instrument, another sentence shape,
  the place as its buurt or its wijk, a track prefix, a clause added or
  dropped, an abbreviation (*i.s.m.*, *o.a.*), sometimes the project's name
  kept, rarely a typo; about a third share the owner or a partner.
* **Effort–goal pairs** (about 3%): an operational goal of another programme that
  states the effort's subject as an outcome (*In 2027 voelen minder senioren in
  De Strang zich eenzaam, onder meer door …*).
* **Same subject elsewhere** (for a third of the planted pairs): one more effort
  on the same subject and instrument in another wijk, in a third programme.  Not
  planted, but the same subject: right for precision, and it must not beat the
  rewrite (same place) for recall@1.
* **Same words, other subject** (for a tenth of the efforts): an effort whose
  subject shares a word with the base's (*jeugdhulp* ~ *jeugdoverlast*,
  *energiearmoede* ~ *energieopwekking*) with the same instrument, place and
  often owner: wrong for precision.
* **Everything else**: efforts of each programme, mostly on its own subjects,
  sharing generic policy words (*stimuleren*, *inwoners*, *wijk*), instruments,
  owners, partners and place names with efforts on other subjects.

The judge: *subject* maps every effort and operational goal to its subject label
(the same label is legitimately the same subject); *spot* to (label, instrument,
place), for recall@1 (a partner with the rewrite's spot is as good as the
rewrite).  ``python benchmarks/overlap_paraphrase.py`` prints examples.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from din_graph import Portfolio

__all__ = ["ParaphraseCorpus", "paraphrase_corpus"]

DEFAULT_SEED = 11
CITY = "Hoornveld"

# --------------------------------------------------------------------------- subjects
# id | label (subjects a reader treats as one share it; "" = id) | sign | namings (";" apart)
# sign "-": a problem to reduce, "+": something to build or increase.
_SUBJECTS_TEXT = """
woonoverlast||-|woonoverlast;overlast door buren;burenoverlast;overlast in en rond woningen
ondermijning||-|ondermijnende criminaliteit;ondermijning;drugscriminaliteit;criminele netwerken
jeugdoverlast||-|overlast van jongeren;jeugdoverlast;hinderlijke jeugdgroepen;overlastgevende jeugd
woninginbraak||-|woninginbraken;inbraken in woningen;inbraakgevoeligheid van woningen
handhaving||+|handhaving in de openbare ruimte;handhavingscapaciteit;inzet van handhavers;
    toezicht en handhaving op straat
brandveiligheid||+|brandveiligheid van woningen;brandpreventie thuis;brandveilig wonen;rookmelders in huis
schoolroutes||+|verkeersveiligheid rond scholen;veilige schoolroutes;veilig naar school fietsen;schoolzones
veiligheidsgevoel||+|veiligheidsgevoel in de buurt;sociale veiligheid op straat;
    gevoel van veiligheid bij bewoners
fietsroutes||+|fietspaden;fietsnetwerk;snelle fietsroutes;infrastructuur voor fietsers
parkeren||-|parkeerdruk;parkeeroverlast;tekort aan parkeerplaatsen;foutparkeren
laadpalen||+|laadpalen voor elektrische auto's;laadinfrastructuur;oplaadpunten;publieke laadpunten
busverbindingen||+|bereikbaarheid met het openbaar vervoer;ov-verbindingen;busverbindingen;
    buslijnen naar de dorpen
deelmobiliteit||+|deelauto's;deelmobiliteit;autodelen;deelfietsen en deelauto's
kruispunten||+|veilige kruispunten;gevaarlijke kruisingen;verkeersveiligheid op kruispunten;
    onoverzichtelijke rotondes
winkelleegstand||-|leegstand van winkels;winkelleegstand;lege winkelpanden;leegstaande winkelruimte
bedrijventerreinen||+|vitaliteit van bedrijventerreinen;revitalisering van bedrijventerreinen;
    verouderde bedrijventerreinen;parkmanagement op bedrijventerreinen
startende-ondernemers||+|startende ondernemers;starters in het bedrijfsleven;nieuwe bedrijfjes;jonge bedrijven
toerisme||+|toerisme;recreatief bezoek;verblijfstoerisme;dagjesmensen en toeristen
weekmarkt||+|de weekmarkt;warenmarkt;markt op het plein;marktkramen
vakmensen||-|personeelstekorten;krapte op de arbeidsmarkt;tekort aan vakmensen;openstaande vacatures
schoolverzuim||-|schoolverzuim;voortijdig schoolverlaten;schooluitval;thuiszitters
laaggeletterdheid||-|laaggeletterdheid;moeite met lezen en schrijven;taalachterstand bij volwassenen;
    basisvaardigheden van volwassenen
vve||+|voor- en vroegschoolse educatie;peuteropvang met educatie;vroegschoolse educatie voor peuters;
    taalstimulering bij peuters
schoolgebouwen||+|huisvesting van scholen;schoolgebouwen;nieuwbouw van scholen;verouderde schoolgebouwen
techniek||+|techniekonderwijs;technisch onderwijs;interesse in techniek bij leerlingen;technische beroepen
sportdeelname||+|sportdeelname;sporten en bewegen;sportparticipatie;meer mensen aan het sporten
sportaccommodaties||+|sportaccommodaties;sporthallen en sportvelden;sportparken;sportvoorzieningen
zwemles||+|zwemvaardigheid van kinderen;schoolzwemmen;zwemles voor kinderen;zwemdiploma's
cultuureducatie||+|cultuuronderwijs;cultuureducatie op scholen;kunst en cultuur in de klas;muziekles op school
leesbevordering||+|leesbevordering;de bibliotheek;bibliotheekvoorzieningen;leesplezier bij kinderen
erfgoed||+|cultureel erfgoed;monumenten;historische panden;monumentale gebouwen
evenementen||+|evenementen;festivals;evenementenbeleid;grote publieksevenementen
spelen||+|speelplekken;speeltuinen;speelvoorzieningen;plekken om buiten te spelen
groenonderhoud||+|onderhoud van het openbaar groen;groenonderhoud;beheer van plantsoenen;maaibeheer
biodiversiteit||+|biodiversiteit;ecologisch beheer;bloemrijke bermen;insectvriendelijk groen
bomen||+|bomenbestand;bomen in de straat;boomaanplant;meer bomen in de stad
eenzaamheid||-|eenzaamheid onder ouderen;sociaal isolement van senioren;vereenzaming van ouderen;
    eenzame ouderen
mantelzorg||+|ondersteuning van mantelzorgers;mantelzorgondersteuning;respijtzorg;
    overbelasting van mantelzorgers
kinderarmoede||-|kinderarmoede;armoede onder kinderen;opgroeien in armoede;kinderen in arme gezinnen
schulden||-|problematische schulden;schuldhulpverlening;hulp bij schulden;
    vroegsignalering van betalingsachterstanden
energiearmoede||-|energiearmoede;hoge energierekening bij minima;
    huishoudens die hun energierekening niet kunnen betalen;energiearme huishoudens
jeugdhulp||+|jeugdhulp;jeugdzorg;hulp aan jeugdigen en gezinnen;ondersteuning van gezinnen met opvoedvragen
dementie||+|dementievriendelijke gemeente;mensen met dementie;zorg voor dementerenden;dementie in de wijk
thuiswonen||+|langer zelfstandig thuis wonen;zelfstandig wonen van ouderen;levensloopbestendige woningen;
    ouderen die thuis blijven wonen
reintegratie||+|re-integratie naar werk;toeleiding naar werk;begeleiding naar betaald werk;
    uitstroom uit de bijstand
inburgering||+|inburgering;integratie van nieuwkomers;inburgeringstrajecten;statushouders die inburgeren
vrijwilligerswerk||+|vrijwilligerswerk;inzet van vrijwilligers;vrijwilligersvacatures;
    waardering van vrijwilligers
burenhulp||+|sociale samenhang;contact tussen buren;burenhulp;naoberschap
huiselijk-geweld||-|huiselijk geweld;kindermishandeling;geweld achter de voordeur;partnergeweld
leefstijl||+|gezonde leefstijl;overgewicht bij kinderen;gezond gewicht;gezond eten en bewegen
middelengebruik||-|alcoholgebruik onder jongeren;middelengebruik;drugsgebruik onder jongeren;
    alcohol en drugs bij jeugd
mentale-gezondheid||+|mentale gezondheid van jongeren;psychische klachten bij jongeren;mentaal welzijn;
    prestatiedruk bij jongeren
dakloosheid||-|dakloosheid;opvang van daklozen;mensen zonder vaste woonplek;beschermd wonen en opvang
digitale-vaardigheden||+|digitale vaardigheden;digitale inclusie;digitaal meedoen;hulp bij de computer
ontmoeting||+|ontmoetingsplekken;buurthuizen;plekken om elkaar te ontmoeten;wijkcentra
zwerfafval||-|zwerfafval;afval op straat;rommel op straat;zwerfvuil
afvalscheiding||+|afvalscheiding;gescheiden inzameling van afval;minder restafval;
    recycling van huishoudelijk afval
hittestress|klimaatadaptatie|-|hittestress;hitte in de stad;verkoeling in versteende straten;hete zomers
wateroverlast|klimaatadaptatie|-|wateroverlast;overlast bij hevige regen;ondergelopen straten;piekbuien
ontstenen|klimaatadaptatie|+|vergroenen van tuinen;tegels eruit, groen erin;ontstenen van tuinen;
    groene voortuinen
luchtkwaliteit||+|luchtkwaliteit;fijnstof;schone lucht;uitstoot van verkeer
geluid||-|geluidsoverlast;geluidshinder;lawaai van verkeer;geluid van bedrijven
bodem||+|bodemsanering;vervuilde grond;verontreinigde bodem;asbest in de bodem
zonne-energie||+|duurzame energie opwekken;zonneparken;zonnepanelen op daken;lokale energieopwekking
woningisolatie||+|verduurzamen van woningen;isoleren van woningen;verduurzaming van de woningvoorraad;
    energiezuinige woningen
aardgasvrij||+|aardgasvrije wijken;overstap van aardgas naar duurzame warmte;wijkuitvoeringsplan warmte;
    warmtenet
energiecooperatie||+|lokale energiecoöperaties;energie van bewoners zelf;coöperatieve energieprojecten;
    energiecoöperatie
gemeentelijk-vastgoed||+|verduurzamen van gemeentelijk vastgoed;energiezuinige gemeentelijke gebouwen;
    gemeentelijke panden duurzaam maken;duurzame gemeentehuizen
circulair||+|circulaire economie;hergebruik van materialen;circulair bouwen;grondstoffen hergebruiken
woningbouw||+|woningbouw;nieuwbouwwoningen;bouwen van nieuwe woningen;woningbouwprogramma
sociale-huur||+|betaalbare huurwoningen;sociale huur;sociale huurwoningen;huurwoningen voor lage inkomens
starterswoningen||+|woningen voor starters;starterswoningen;jongeren op de woningmarkt;
    betaalbare koopwoningen voor starters
wijkvernieuwing||+|herstructurering van verouderde wijken;wijkvernieuwing;sloop en nieuwbouw;
    stedelijke vernieuwing
centrum||+|aantrekkelijke binnenstad;levendig centrum;verblijfskwaliteit in het centrum;sfeer in de binnenstad
straten||+|inrichting van de openbare ruimte;herinrichting van straten;kwaliteit van de openbare ruimte;
    opknappen van straten en pleinen
omgevingswet||+|omgevingswet;omgevingsvisie;omgevingsplan;invoering van de omgevingswet
wandelen||+|wandelroutes;wandelpaden;ommetjes;routes voor wandelaars
participatie||+|bewonersparticipatie;inspraak van bewoners;meedenken van bewoners;burgerparticipatie
initiatieven||+|bewonersinitiatieven;initiatieven van bewoners;ideeën uit de buurt;buurtinitiatieven
wijkbudget||+|wijkbudgetten;buurtbudget;geld voor de buurt;budget voor bewonersideeën
dienstverlening||+|digitale dienstverlening;online loket;dienstverlening aan inwoners;klantcontact
arbeidsmigranten||+|huisvesting van arbeidsmigranten;arbeidsmigranten;
    tijdelijke arbeidskrachten uit het buitenland;short stay voor arbeidsmigranten
"""


@dataclass(frozen=True)
class _Subject:
    id: str
    label: str
    sign: str
    namings: tuple[str, ...]


def _subjects() -> tuple[_Subject, ...]:
    out = []
    # a line ending in ";" goes on, indented, on the next
    for line in _SUBJECTS_TEXT.strip().replace(";\n    ", ";").splitlines():
        sid, label, sign, namings = line.split("|")
        out.append(_Subject(sid, label or sid, sign, tuple(namings.split(";"))))
    return tuple(out)


SUBJECTS = _subjects()

# What is done: (compound or short form, the same written apart or otherwise).
INSTRUMENTS: tuple[tuple[str, str], ...] = (
    ("buurtkamer", "kamer in de buurt"),
    ("huisbezoeken", "bezoeken aan huis"),
    ("meldpunt", "centraal punt voor meldingen"),
    ("voorlichtingscampagne", "campagne met voorlichting"),
    ("subsidieregeling", "regeling voor subsidie"),
    ("inloopspreekuur", "spreekuur met vrije inloop"),
    ("buurtcoaches", "coaches in de buurt"),
    ("maatjesproject", "project met maatjes"),
    ("stappenplan", "plan in stappen"),
    ("convenant", "convenant met partners"),
    ("pilotproject", "pilot"),
    ("wijkschouw", "schouw in de wijk"),
    ("informatieavonden", "avonden met informatie"),
    ("netwerkbijeenkomsten", "bijeenkomsten voor het netwerk"),
    ("keukentafelgesprekken", "gesprekken aan de keukentafel"),
    ("lespakket", "pakket met lesmateriaal"),
    ("buurtwerkplaats", "werkplaats in de buurt"),
    ("energiecoaches", "coaches voor energiebesparing"),
    ("werkgroep", "werkgroepen"),
    ("verordening", "nieuwe verordening"),
    ("actieplan", "plan van actie"),
    ("uitvoeringsagenda", "agenda voor de uitvoering"),
    ("trainingen", "training"),
    ("stimuleringsfonds", "fonds ter stimulering"),
    ("ambassadeurs", "ambassadeursnetwerk"),
    ("waardebonnen", "vouchers"),
    ("wedstrijd", "prijsvraag"),
    ("rondetafelgesprekken", "gesprekken aan ronde tafels"),
    ("kennisdeling", "kennis delen"),
    ("belronde", "telefonische ronde"),
    ("buurtapp", "app voor de buurt"),
    ("nulmeting", "meting vooraf"),
)

# wijk -> buurten; the dorpen have no parts.
WIJKEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Oosterhof", ("Kampsweide", "Molenbrink", "De Strang")),
    ("Westerveld", ("Hazelaar", "De Venne", "Brinkhorst")),
    ("Noorderkamp", ("Esweide", "Lindehof", "Rietmaten")),
    ("Zuiderpark", ("De Bongerd", "Heggeland", "Wilgenhoek")),
    ("Oude Stad", ("Kerkbuurt", "Havenkwartier", "Markthof")),
    ("Beekdal", ("Beekzijde", "Molenveld", "Elzenhof")),
    ("Hooghout", ("Hooghout-Noord", "Hooghout-Zuid", "Spoorzone")),
    ("Veldkamp", ("Kamperveld", "De Hoven", "Eikenbosch")),
)
DORPEN = ("Ansel", "Voorde", "Hesselt", "Bruninge")

# Concrete things in a place that efforts name (*retentievijver Rumerslanden*, *busstation
# centrum* in the Almelo contracts): a kind of object and a proper name, drawn per place.
OBJECT_KINDS = (
    "sporthal",
    "basisschool",
    "buurthuis",
    "winkelcentrum",
    "park",
    "plein",
    "speeltuin",
    "zorgcentrum",
    "flat",
    "kerk",
    "station",
    "vijver",
    "zwembad",
    "kinderboerderij",
    "brede school",
    "sportpark",
    "haven",
)
# Proper names of objects: a front and a back, each name used in one place only.
_OBJECT_FRONTS = (
    "Linde",
    "Esse",
    "Berken",
    "Molen",
    "Wilgen",
    "Beuken",
    "Eiken",
    "Vlier",
    "Hazel",
    "Mossel",
    "Brem",
    "Heide",
    "Klaver",
    "Zonne",
    "Vogel",
    "Sterren",
    "Regen",
    "Wind",
    "Akker",
    "Veen",
    "Zand",
    "Burcht",
    "Lariks",
    "Ooievaars",
    "Zwaluw",
    "Kievits",
    "Meidoorn",
    "Hulst",
    "Vossen",
    "Dassen",
    "Lijster",
    "Egel",
)
_OBJECT_BACKS = (
    "hof",
    "hoek",
    "rode",
    "horst",
    "kamp",
    "veld",
    "weide",
    "stede",
    "borgh",
    "lo",
    "beek",
    "dijk",
    "kade",
    "hage",
    "werf",
    "wiek",
    "schans",
    "poort",
    "stee",
    "nest",
    "dal",
    "laan",
    "plas",
    "oord",
)
OBJECTS_PER_PLACE = 12

PROGRAMMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # name, tracks, its subjects
    (
        "Sociaal domein",
        ("Zorg en welzijn", "Jeugd en gezin", "Meedoen"),
        ("eenzaamheid", "mantelzorg", "jeugdhulp", "dementie", "thuiswonen", "vrijwilligerswerk", "huiselijk-geweld"),
    ),
    (
        "Duurzaamheid en klimaat",
        ("Energietransitie", "Klimaatadaptatie", "Circulair"),
        (
            "zonne-energie",
            "woningisolatie",
            "aardgasvrij",
            "energiecooperatie",
            "gemeentelijk-vastgoed",
            "circulair",
            "hittestress",
            "wateroverlast",
            "ontstenen",
            "afvalscheiding",
        ),
    ),
    (
        "Leefbare wijken",
        ("Schoon heel en veilig", "Samen in de wijk", "Bewonersbetrokkenheid"),
        (
            "zwerfafval",
            "woonoverlast",
            "burenhulp",
            "ontmoeting",
            "initiatieven",
            "wijkbudget",
            "participatie",
            "spelen",
            "straten",
        ),
    ),
    (
        "Veiligheid",
        ("Overlast en veiligheid", "Ondermijning", "Toezicht"),
        ("ondermijning", "jeugdoverlast", "woninginbraak", "handhaving", "brandveiligheid", "veiligheidsgevoel"),
    ),
    (
        "Economie en binnenstad",
        ("Binnenstad", "Ondernemen", "Vrijetijdseconomie"),
        (
            "winkelleegstand",
            "bedrijventerreinen",
            "startende-ondernemers",
            "toerisme",
            "weekmarkt",
            "centrum",
            "evenementen",
        ),
    ),
    (
        "Wonen",
        ("Woningbouw", "Bestaande voorraad", "Doelgroepen"),
        ("woningbouw", "sociale-huur", "starterswoningen", "wijkvernieuwing", "arbeidsmigranten", "dakloosheid"),
    ),
    (
        "Onderwijs en jeugd",
        ("Kansengelijkheid", "Huisvesting onderwijs", "Talent"),
        ("schoolverzuim", "vve", "schoolgebouwen", "techniek", "kinderarmoede", "cultuureducatie"),
    ),
    (
        "Werk en inkomen",
        ("Aan het werk", "Bestaanszekerheid"),
        ("reintegratie", "schulden", "energiearmoede", "laaggeletterdheid", "inburgering", "vakmensen"),
    ),
    (
        "Mobiliteit",
        ("Fiets", "Verkeersveiligheid", "Schone mobiliteit"),
        ("fietsroutes", "parkeren", "laadpalen", "busverbindingen", "deelmobiliteit", "kruispunten", "schoolroutes"),
    ),
    (
        "Sport en cultuur",
        ("Sport en bewegen", "Cultuur", "Erfgoed"),
        ("sportdeelname", "sportaccommodaties", "zwemles", "leesbevordering", "erfgoed", "evenementen"),
    ),
    (
        "Gezondheid",
        ("Gezonde jeugd", "Gezonde leefomgeving"),
        ("leefstijl", "middelengebruik", "mentale-gezondheid", "luchtkwaliteit", "geluid"),
    ),
    (
        "Groen en water",
        ("Openbaar groen", "Water"),
        ("groenonderhoud", "biodiversiteit", "bomen", "wateroverlast", "wandelen", "bodem"),
    ),
    (
        "Omgevingswet",
        ("Invoering", "Ruimtelijke kwaliteit"),
        ("omgevingswet", "straten", "wijkvernieuwing", "centrum"),
    ),
    (
        "Dienstverlening",
        ("Digitaal", "Klantcontact"),
        ("dienstverlening", "digitale-vaardigheden", "laaggeletterdheid"),
    ),
    (
        "Ouderen",
        ("Vitaal ouder worden", "Wonen en zorg"),
        ("eenzaamheid", "dementie", "thuiswonen", "digitale-vaardigheden", "mantelzorg"),
    ),
)

OWNERS = (
    ("Team Wijkzaken", "team"),
    ("Afdeling Ruimte", "department"),
    ("Afdeling Samenleving", "department"),
    ("Team Openbare Ruimte", "team"),
    ("Beleidsadviseur Wonen", "person"),
    ("Wijkregisseur", "person"),
    ("Programmamanager", "person"),
    ("Team Economische Zaken", "team"),
    ("Team Veiligheid", "team"),
    ("Accountmanager Onderwijs", "person"),
    ("Team Werk en Inkomen", "team"),
    ("Adviseur Klimaat", "person"),
)
PARTNERS = (
    "woningcorporatie Thuisbaas",
    "welzijnsorganisatie De Schakel",
    "GGD",
    "politie",
    "waterschap",
    "bibliotheek",
    "ondernemersvereniging",
    "sportfederatie",
    "zorgverzekeraar",
    "huurdersvereniging",
    "scholen",
    "Stichting Buurtkracht",
)
TRACKED = 0.4  # share of programmes whose titles open with the track's name

# How a subject is acted on, by sign: (verb, noun of the act).
_ACTS = {
    "-": (
        ("tegengaan", "het tegengaan"),
        ("terugdringen", "terugdringing"),
        ("aanpakken", "aanpak"),
        ("verminderen", "vermindering"),
        ("bestrijden", "bestrijding"),
        ("voorkomen", "preventie"),
    ),
    "+": (
        ("versterken", "versterking"),
        ("uitbreiden", "uitbreiding"),
        ("verbeteren", "verbetering"),
        ("stimuleren", "stimulering"),
        ("bevorderen", "bevordering"),
        ("vergroten", "vergroting"),
    ),
}
_EXTRA = (
    "Dit doen we samen met {partner}.",
    "We beginnen met een pilot en breiden daarna uit.",
    "Hiervoor is in de begroting {amount} opgenomen.",
    "De uitvoering ligt bij de lijnorganisatie; het programma jaagt aan.",
    "Zie ook het uitvoeringsprogramma {year}.",
    "Planvoorbereiding loopt; extra budget is nodig.",
    "Aansluiten bij wat er al gebeurt.",
    "Resultaten worden jaarlijks gemonitord.",
    "In overleg met {partner} en de betrokken bewoners.",
)
_ABBREVIATIONS = (
    (" in samenwerking met ", " i.s.m. "),
    (" onder andere ", " o.a. "),
    (" met betrekking tot ", " m.b.t. "),
    (" ten behoeve van ", " t.b.v. "),
)
_NAME_FRONT = (
    "Samen",
    "Buurt",
    "Thuis",
    "Slim",
    "Sterk",
    "Vitaal",
    "Fris",
    "Helder",
    "Kleur",
    "Zon",
    "Hart",
    "Wijs",
    "Vrij",
    "Stad",
    "Licht",
    "Fit",
    "Blij",
    "Top",
    "Vol",
    "Goed",
    "Warm",
    "Open",
    "Trots",
    "Snel",
    "Rijk",
    "Puur",
    "Mee",
)
_NAME_BACK = (
    "kracht",
    "punt",
    "lab",
    "net",
    "kompas",
    "route",
    "plein",
    "werk",
    "baken",
    "draad",
    "stek",
    "vonk",
    "loods",
    "haven",
    "brug",
    "kring",
    "spoor",
    "bron",
    "sprong",
    "vuur",
    "kiem",
    "schakel",
    "veer",
    "boog",
    "ster",
    "zaad",
)


@dataclass(frozen=True)
class _Topic:
    subject: int
    instrument: int
    place: str | None  # a buurt, wijk or dorp; None: the whole municipality
    name: str | None  # a project's name, if it has one
    thing: tuple[str, str] | None = None  # a concrete object in the place (kind, proper name)


@dataclass
class _Node:
    programme: int
    topic: _Topic
    kind: str  # "effort" | "goal"
    title: str = ""
    description: str = ""
    owner: int = 0
    partners: tuple[int, ...] = ()
    listed_area: bool = False
    local_id: str = ""
    track: str = ""
    serves: str = ""  # the operational goal (local id) an effort contributes to
    thing_text: str = ""  # how its text names its object


@dataclass(frozen=True)
class ParaphraseCorpus:
    """A portfolio with planted overlaps and what a judge needs (see the module docs)."""

    portfolio: Portfolio
    planted: tuple[tuple[str, str], ...]
    """(base effort, its rewrite or the goal it serves in another programme)."""
    subject: dict[str, str] = field(default_factory=dict)
    """Node key -> subject label (efforts and operational goals)."""
    spot: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """Node key -> (subject label, instrument, place and object): equal spots are interchangeable."""
    elsewhere: dict[str, str] = field(default_factory=dict)
    """Base effort -> the same subject and instrument in another wijk (not planted)."""
    kinds: dict[str, str] = field(default_factory=dict)
    """Node key -> what it was planted as: base, rewrite, goal, elsewhere, same-words, other."""


# --------------------------------------------------------------------------- places


def _wijk_of(place: str | None) -> str | None:
    for wijk, buurten in WIJKEN:
        if place == wijk or place in buurten:
            return wijk
    return None


def _places() -> list[str]:
    return [b for _, buurten in WIJKEN for b in buurten] + [w for w, _ in WIJKEN] + list(DORPEN)


def _other_wijk_place(rng: random.Random, place: str | None) -> str:
    """A place in another wijk (or a dorp) than ``place``."""
    wijk = _wijk_of(place)
    options = [p for p in _places() if p != place and (_wijk_of(p) is None or _wijk_of(p) != wijk)]
    return rng.choice(options)


def _same_place(rng: random.Random, place: str | None) -> str | None:
    """The same place as a second author names it: the buurt or its wijk."""
    if place is None:
        return None
    wijk = _wijk_of(place)
    if wijk is not None and wijk != place and rng.random() < 0.3:
        return wijk
    return place


@lru_cache(maxsize=1)
def _all_objects() -> dict[str, list[tuple[str, str]]]:
    """Each place's objects, their names used nowhere else (the same every run)."""
    rng = random.Random("objects")
    taken = {p.casefold() for p in _places()}
    names = [f + b for f in _OBJECT_FRONTS for b in _OBJECT_BACKS if (f + b).casefold() not in taken]
    rng.shuffle(names)
    out = {}
    for k, place in enumerate(_places()):
        mine = names[k * OBJECTS_PER_PLACE : (k + 1) * OBJECTS_PER_PLACE]
        out[place] = [(rng.choice(OBJECT_KINDS), name) for name in mine]
    return out


def _objects(place: str) -> list[tuple[str, str]]:
    """The objects of a place."""
    return _all_objects()[place]


def _thing(rng: random.Random, thing: tuple[str, str] | None, *, second: bool = False) -> str:
    """How a text names an object; a second author varies the kind's place or drops it."""
    if thing is None:
        return ""
    kind, name = thing
    if not second:
        return rng.choice((f"bij {kind} {name}", f"rond {kind} {name}", f"({kind} {name})"))
    return rng.choice((f"bij {name}", f"rond de {kind} {name}", f"bij {kind} {name}", f"locatie {name}"))


def _in(place: str | None) -> str:
    if place is None:
        return f"in heel {CITY}"
    if place in DORPEN:
        return f"in {place}"
    if any(place == w for w, _ in WIJKEN):
        return f"in de wijk {place}"
    return f"in {place}"


# --------------------------------------------------------------------------- writing


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _naming(rng: random.Random, subject: _Subject, avoid: str | None = None) -> str:
    options = [n for n in subject.namings if n != avoid] or list(subject.namings)
    return rng.choice(options)


def _instrument(rng: random.Random, instrument: int, form: int | None = None) -> str:
    pair = INSTRUMENTS[instrument]
    return pair[rng.randrange(2) if form is None else form]


class _Writer:
    """One author's way of writing an effort: sentence shape, namings, habits."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def effort(
        self,
        topic: _Topic,
        *,
        naming: str,
        instrument: str,
        place: str | None,
        shape: int,
        act: int,
        partner: str,
        clause: bool,
        name_kept: bool,
        thing: str = "",
    ) -> tuple[str, str]:
        rng = self.rng
        subject = SUBJECTS[topic.subject]
        verb, noun = _ACTS[subject.sign][act]
        where = _in(place) if place is not None or rng.random() < 0.3 else ""
        if thing:
            where = f"{where} {thing}".strip() if rng.random() < 0.5 else thing
        name = f"'{topic.name}'" if topic.name and name_kept else ""
        titles = (
            f"{_cap(verb)} {naming}",
            f"{_cap(instrument)} {naming}" if rng.random() < 0.5 else f"{_cap(instrument)} voor {naming}",
            f"{_cap(naming)} via {instrument}",
            f"{_cap(noun)} van {naming}",
            f"{_cap(instrument)}: {naming} {verb}",
            f"Project {name or _cap(instrument)} ({naming})",
        )
        title = titles[shape % len(titles)]
        if shape in (0, 3) and rng.random() < 0.5:
            title = f"{title} met {instrument}"
        sentences = (
            f"{_cap(noun)} van {naming} {where} met {instrument}".replace("  ", " "),
            f"Met {instrument} willen we {naming} {where} {verb}".replace("  ", " "),
            f"We zetten {instrument} in om {naming} {where} te {verb}".replace("te tegengaan", "tegen te gaan")
            .replace("te aanpakken", "aan te pakken")
            .replace("te terugdringen", "terug te dringen")
            .replace("te uitbreiden", "uit te breiden")
            .replace("  ", " "),
            f"{_cap(verb)} van {naming} {where} (o.a. {instrument})".replace("  ", " "),
            f"{title}.",
        )
        description = sentences[rng.randrange(len(sentences))].rstrip(".") + "."
        if name and name not in title:
            description += f" Onder de naam {name}."
        if clause:
            extra = rng.choice(_EXTRA).format(
                partner=partner, amount=f"€ {rng.randint(2, 40) * 5}.000", year=rng.randint(2024, 2027)
            )
            description += " " + extra
        if where and where not in title and rng.random() < (0.6 if thing else 0.3):
            title = f"{title} {where}"
        return title, description

    def placed(self, title: str, description: str, place: str | None, thing: str, *, always: bool = False) -> str:
        """The description, naming the place and object where neither text does (mostly; ``always``: always)."""
        missing = [w for w in (_in(place) if place else "", thing) if w and w not in title + description]
        if missing and (always or self.rng.random() < 0.85):
            description = f"{description.rstrip('.')} {' '.join(missing)}."
        return description

    def goal(
        self, topic: _Topic, *, naming: str, instrument: str | None, place: str | None, year: int, thing: str = ""
    ) -> str:
        rng = self.rng
        subject = SUBJECTS[topic.subject]
        where = f" {_in(place)}" if place is not None else ""
        where += f" {thing}" if thing else ""
        how = f", onder meer door {instrument}" if instrument else ""
        if subject.sign == "-":
            shapes = (
                f"In {year} is het probleem van {naming}{where} met {rng.randint(10, 40)}% afgenomen{how}",
                f"Minder {naming}{where} in {year}{how}",
                f"In {year} hebben minder inwoners{where} te maken met {naming}{how}",
            )
        else:
            shapes = (
                f"In {year} is er meer aandacht voor {naming}{where}{how}",
                f"In {year} is werk gemaakt van {naming}{where}{how}",
                f"{_cap(naming)}{where}: in {year} aantoonbaar beter{how}",
            )
        return rng.choice(shapes)


_WORD = re.compile(r"[A-Za-zÀ-ÿ]{6,}")


def _typo(rng: random.Random, text: str) -> str:
    found = list(_WORD.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    word = m.group()
    i = rng.randrange(1, len(word) - 1)
    typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return text[: m.start()] + typo + text[m.end() :]


def _abbreviate(text: str) -> str:
    for long, short in _ABBREVIATIONS:
        text = text.replace(long, short)
    return text


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- the corpus


def _programme_count(n_efforts: int) -> int:
    """5 to 15 programmes, like one real municipality, more as the portfolio grows."""
    return max(5, min(len(PROGRAMMES), round(n_efforts**0.5 / 6)))


class _Builder:
    def __init__(self, rng: random.Random, n_programmes: int) -> None:
        self.rng = rng
        self.n_programmes = n_programmes
        self.programmes = PROGRAMMES[:n_programmes]
        index = {s.id: i for i, s in enumerate(SUBJECTS)}
        self.own = [[index[s] for s in p[2]] for p in self.programmes]
        self.tracked = [rng.random() < TRACKED for _ in range(n_programmes)]
        self.nodes: list[_Node] = []
        self.writer = _Writer(rng)
        self.places = _places()
        # same-words partners: subjects (of another label) whose namings share a word of 5+ letters
        self.sharing = [self._sharing(i) for i in range(len(SUBJECTS))]

    def _sharing(self, i: int) -> list[int]:
        def stems(s: _Subject) -> set[str]:
            return {w[:5] for n in s.namings for w in re.findall(r"[a-zà-ÿ]+", n) if len(w) >= 5}

        mine = stems(SUBJECTS[i])
        return [j for j, s in enumerate(SUBJECTS) if s.label != SUBJECTS[i].label and stems(s) & mine]

    def topic(
        self, programme: int, *, subject: int | None = None, instrument: int | None = None, place: str | None = "draw"
    ) -> _Topic:
        rng = self.rng
        if subject is None:
            own = self.own[programme]
            subject = rng.choice(own) if rng.random() < 0.75 else rng.randrange(len(SUBJECTS))
        if instrument is None:
            instrument = rng.randrange(len(INSTRUMENTS))
        if place == "draw":
            place = rng.choice(self.places) if rng.random() < 0.75 else None
        name = f"{rng.choice(_NAME_FRONT)}{rng.choice(_NAME_BACK)}" if rng.random() < 0.15 else None
        thing = rng.choice(_objects(place)) if place is not None and rng.random() < 0.6 else None
        return _Topic(subject, instrument, place, name, thing)

    def effort(
        self, programme: int, topic: _Topic, *, owner: int | None = None, partners: tuple[int, ...] | None = None
    ) -> _Node:
        rng = self.rng
        node = _Node(programme, topic, "effort")
        node.owner = rng.randrange(len(OWNERS)) if owner is None else owner
        node.partners = (
            tuple(sorted(rng.sample(range(len(PARTNERS)), rng.choice((0, 0, 1, 1, 2)))))
            if partners is None
            else partners
        )
        node.listed_area = topic.place is not None and rng.random() < 0.4
        self.write(
            node,
            rng.choice(SUBJECTS[topic.subject].namings),
            _instrument(rng, topic.instrument),
            topic.place,
            name_kept=True,
            thing=_thing(rng, topic.thing),
        )
        self.nodes.append(node)
        return node

    def write(
        self,
        node: _Node,
        naming: str,
        instrument: str,
        place: str | None,
        *,
        name_kept: bool,
        shape: int | None = None,
        act: int | None = None,
        thing: str = "",
        always_placed: bool = False,
    ) -> None:
        rng = self.rng
        tracks = self.programmes[node.programme][1]
        node.track = rng.choice(tracks)
        partner = PARTNERS[node.partners[0]] if node.partners else rng.choice(PARTNERS)
        title, description = self.writer.effort(
            node.topic,
            naming=naming,
            instrument=instrument,
            place=place,
            shape=rng.randrange(6) if shape is None else shape,
            act=rng.randrange(6) if act is None else act,
            partner=partner,
            clause=rng.random() < 0.45,
            name_kept=name_kept,
            thing=thing,
        )
        if rng.random() < 0.15:
            description = _abbreviate(description)
        if rng.random() < 0.25 and len(description) > 40:
            description = title + "."  # the contract repeats its title
        node.thing_text = thing
        if instrument.casefold() not in (title + description).casefold() and rng.random() < 0.9:
            # what is done is named: an effort is an act, not only a subject
            description = f"{description.rstrip('.')} met {instrument}."
        description = self.writer.placed(title, description, place, thing, always=always_placed)
        if self.tracked[node.programme]:
            title = f"{node.track} - {title}"
        node.title, node.description = title, description
        node.topic = _Topic(node.topic.subject, node.topic.instrument, place, node.topic.name, node.topic.thing)

    def state_place(self, node: _Node) -> None:
        """A planted pair's base names its place and object: a reader could not tell its rewrite otherwise."""
        node.description = self.writer.placed(
            node.title, node.description, node.topic.place, node.thing_text, always=True
        )

    def rewrite(self, programme: int, base: _Node) -> _Node:
        """The base effort as a second author in another programme writes it."""
        rng = self.rng
        self.state_place(base)
        topic = base.topic
        shared_owner = rng.random() < 0.25
        shared_partner = rng.random() < 0.25 and base.partners
        node = _Node(programme, topic, "effort")
        node.owner = base.owner if shared_owner else rng.randrange(len(OWNERS))
        node.partners = (base.partners[:1] if shared_partner else ()) + tuple(
            p for p in rng.sample(range(len(PARTNERS)), rng.choice((0, 1))) if p not in base.partners
        )
        subject = SUBJECTS[topic.subject]
        old = next((n for n in subject.namings if n in base.title or n in base.description), None)
        naming = _naming(rng, subject, avoid=old) if rng.random() < 0.7 else (old or _naming(rng, subject))
        old_form = 0 if INSTRUMENTS[topic.instrument][0] in base.description + base.title else 1
        form = 1 - old_form if rng.random() < 0.5 else old_form
        place = _same_place(rng, topic.place)
        node.listed_area = place is not None and rng.random() < 0.4
        thing = _thing(rng, topic.thing, second=True) if rng.random() < 0.85 else ""
        self.write(
            node,
            naming,
            _instrument(rng, topic.instrument, form),
            place,
            name_kept=rng.random() < 0.4,
            thing=thing,
            always_placed=True,
        )
        if rng.random() < 0.08:
            node.description = _typo(rng, node.description)
        node.topic = _Topic(topic.subject, topic.instrument, topic.place, topic.name, topic.thing)
        self.nodes.append(node)
        return node


def paraphrase_corpus(n_efforts: int, *, seed: int = DEFAULT_SEED) -> ParaphraseCorpus:
    """A portfolio of exactly ``n_efforts`` efforts with planted overlaps, the same for the same arguments."""
    if n_efforts < 10:
        raise ValueError("n_efforts must be at least 10")
    rng = random.Random(seed)
    n_programmes = _programme_count(n_efforts)
    builder = _Builder(rng, n_programmes)
    n_rewrites = round(n_efforts * 0.08)
    n_goal_pairs = round(n_efforts * 0.03)
    n_elsewhere = round((n_rewrites + n_goal_pairs) / 3)
    n_same_words = round(n_efforts * 0.05)
    n_base = n_efforts - n_rewrites - n_elsewhere - n_same_words
    kinds: list[str] = []
    for _ in range(n_base):
        programme = rng.randrange(n_programmes)
        builder.effort(programme, builder.topic(programme))
        kinds.append("other")
    bases = list(range(n_base))
    rng.shuffle(bases)
    planted: list[tuple[int, int | tuple[int, _Topic]]] = []
    cursor = 0
    for _ in range(n_rewrites):
        base = builder.nodes[bases[cursor]]
        cursor += 1
        programme = rng.choice([p for p in range(n_programmes) if p != base.programme])
        builder.rewrite(programme, base)
        kinds[bases[cursor - 1]] = "base"
        kinds.append("rewrite")
        planted.append((bases[cursor - 1], len(builder.nodes) - 1))
    goal_pairs: list[tuple[int, int]] = []  # (base node, programme of the goal)
    for _ in range(n_goal_pairs):
        base_index = bases[cursor]
        cursor += 1
        kinds[base_index] = "base"
        base = builder.nodes[base_index]
        builder.state_place(base)
        goal_pairs.append((base_index, rng.choice([p for p in range(n_programmes) if p != base.programme])))
    elsewhere: list[tuple[int, int]] = []
    pairs_for_elsewhere = [b for b, _ in planted] + [b for b, _ in goal_pairs]
    rng.shuffle(pairs_for_elsewhere)
    for base_index in pairs_for_elsewhere[:n_elsewhere]:
        base = builder.nodes[base_index]
        partner_programmes = {base.programme} | {
            builder.nodes[r].programme for b, r in planted if b == base_index and isinstance(r, int)
        }
        programme = rng.choice([p for p in range(n_programmes) if p not in partner_programmes] or [0])
        place = _other_wijk_place(rng, base.topic.place)
        thing = rng.choice(_objects(place)) if rng.random() < 0.6 else None
        topic = _Topic(base.topic.subject, base.topic.instrument, place, None, thing)
        builder.effort(programme, topic, owner=base.owner if rng.random() < 0.3 else None)
        kinds.append("elsewhere")
        elsewhere.append((base_index, len(builder.nodes) - 1))
    for _ in range(n_same_words):
        seed_index = rng.randrange(n_base)
        seed_node = builder.nodes[seed_index]
        sharing = builder.sharing[seed_node.topic.subject]
        programme = rng.choice([p for p in range(n_programmes) if p != seed_node.programme])
        subject = rng.choice(sharing) if sharing else rng.randrange(len(SUBJECTS))
        thing = seed_node.topic.thing if rng.random() < 0.3 else None
        topic = _Topic(subject, seed_node.topic.instrument, seed_node.topic.place, None, thing)
        builder.effort(programme, topic, owner=seed_node.owner if rng.random() < 0.5 else None)
        kinds.append("same-words")
    return _assemble(rng, builder, planted, goal_pairs, elsewhere, kinds)


def _assemble(
    rng: random.Random,
    builder: _Builder,
    planted: list[tuple[int, Any]],
    goal_pairs: list[tuple[int, int]],
    elsewhere: list[tuple[int, int]],
    kinds: list[str],
) -> ParaphraseCorpus:
    nodes = builder.nodes
    order = list(range(len(nodes)))
    rng.shuffle(order)  # rewrites and distractors must not sit at the end of a programme
    members: list[list[int]] = [[] for _ in range(builder.n_programmes)]
    for i in order:
        members[nodes[i].programme].append(i)
    goals: list[list[dict[str, Any]]] = [[] for _ in range(builder.n_programmes)]
    goal_key: dict[tuple[int, int], str] = {}  # (programme, subject) -> its operational goal id
    goal_label: dict[str, tuple[str, str, str]] = {}
    year = 2026
    for p in range(builder.n_programmes):
        used = sorted({nodes[i].topic.subject for i in members[p]}, key=lambda s: SUBJECTS[s].id)
        common = [s for s in used if s in builder.own[p]] or used[:3]
        for s in common:
            gid = f"D{len(goals[p]) + 1}"
            topic = _Topic(s, -1, None, None)
            title = builder.writer.goal(
                topic, naming=_naming(rng, SUBJECTS[s]), instrument=None, place=None, year=year + rng.randint(0, 2)
            )
            goals[p].append({"id": gid, "title": title})
            goal_key[(p, s)] = gid
            goal_label[f"{p}/{gid}"] = (SUBJECTS[s].label, "", "")
    planted_goals: list[tuple[int, str]] = []
    for base_index, p in goal_pairs:
        topic = nodes[base_index].topic
        gid = f"D{len(goals[p]) + 1}"
        subject = SUBJECTS[topic.subject]
        old = next((n for n in subject.namings if n in nodes[base_index].description), None)
        instrument = _instrument(rng, topic.instrument) if rng.random() < 0.7 else None
        thing = _thing(rng, topic.thing, second=True) if rng.random() < 0.85 else ""
        title = builder.writer.goal(
            topic,
            naming=_naming(rng, subject, avoid=old),
            instrument=instrument,
            place=_same_place(rng, topic.place),
            year=year + rng.randint(0, 2),
            thing=thing,
        )
        goals[p].append({"id": gid, "title": title})
        goal_label[f"{p}/{gid}"] = (subject.label, INSTRUMENTS[topic.instrument][0], _where(topic))
        planted_goals.append((base_index, f"{p}/{gid}"))
    programmes = []
    keys: list[str] = [""] * len(nodes)
    for p, (name, tracks, _) in enumerate(builder.programmes):
        pid = _programme_id(p)
        width = max(3, len(str(len(members[p]))))
        strategic = [{"id": f"S{k + 1}", "title": t} for k, t in enumerate(_strategic(rng, name))]
        operational = [{**g, "contributes_to": [f"S{rng.randint(1, len(strategic))}"]} for g in goals[p]]
        efforts = []
        owners_used: set[int] = set()
        for number, i in enumerate(members[p], start=1):
            node = nodes[i]
            node.local_id = f"I{number:0{width}d}"
            keys[i] = f"{pid}/{node.local_id}"
            serves = goal_key.get((p, node.topic.subject)) or (operational[0]["id"] if operational else None)
            effort: dict[str, Any] = {
                "id": node.local_id,
                "title": node.title,
                "description": node.description,
                "track": node.track,
                "owner": _slug(OWNERS[node.owner][0]),
            }
            if serves:
                effort["contributes_to"] = [serves]
            if node.partners:
                effort["partners"] = [PARTNERS[k] for k in node.partners]
            if node.listed_area and node.topic.place is not None:
                effort["areas"] = [node.topic.place]
            owners_used.add(node.owner)
            efforts.append(effort)
        owners = [{"id": _slug(OWNERS[k][0]), "name": OWNERS[k][0], "type": OWNERS[k][1]} for k in sorted(owners_used)]
        programmes.append(
            {
                "id": pid,
                "name": name,
                "municipality": CITY,
                "period": {"start": 2024, "end": 2027},
                "vision": f"{CITY} werkt aan {name.lower()}: {', '.join(t.lower() for t in tracks)}.",
                "strategic_goals": strategic,
                "operational_goals": operational,
                "efforts": efforts,
                "owners": owners,
            }
        )
    areas = (
        [{"id": _slug(wijk), "name": wijk, "kind": "wijk", "parts": list(buurten)} for wijk, buurten in WIJKEN]
        + [{"id": _slug(b), "name": b, "kind": "buurt"} for _, buurten in WIJKEN for b in buurten]
        + [{"id": _slug(d), "name": d, "kind": "dorp"} for d in DORPEN]
    )
    portfolio = Portfolio.model_validate(
        {"id": "hoornveld", "name": f"Gemeente {CITY}", "municipality": CITY, "programmes": programmes, "areas": areas}
    )
    subject: dict[str, str] = {}
    spot: dict[str, tuple[str, str, str]] = {}
    kind_of: dict[str, str] = {}
    for i, node in enumerate(nodes):
        label = SUBJECTS[node.topic.subject].label
        subject[keys[i]] = label
        spot[keys[i]] = (label, INSTRUMENTS[node.topic.instrument][0], _where(node.topic))
        kind_of[keys[i]] = kinds[i]
    for local, label_spot in goal_label.items():
        p, gid = local.split("/")
        key = f"{_programme_id(int(p))}/{gid}"
        subject[key] = label_spot[0]
        if label_spot[1]:
            spot[key] = label_spot
            kind_of[key] = "goal"
    pairs = [(keys[b], keys[r]) for b, r in planted]
    pairs += [(keys[b], _goal_key(g)) for b, g in planted_goals]
    return ParaphraseCorpus(
        portfolio,
        tuple(pairs),
        subject,
        spot,
        {keys[b]: keys[e] for b, e in elsewhere},
        kind_of,
    )


def _where(topic: _Topic) -> str:
    """A topic's place and object, for the judge's spot."""
    return " / ".join([topic.place or "", *(topic.thing or ())])


def _goal_key(local: str) -> str:
    p, gid = local.split("/")
    return f"{_programme_id(int(p))}/{gid}"


def _programme_id(index: int) -> str:
    return f"hoornveld-{_slug(PROGRAMMES[index][0])}"


def _strategic(rng: random.Random, name: str) -> list[str]:
    shapes = (
        f"{CITY} is een stad waar iedereen meedoet",
        "Een vitale, veilige en duurzame gemeente",
        "Inwoners voelen zich thuis in hun wijk of dorp",
        f"{name}: samen bouwen aan een sterke stad",
        f"{CITY} is in 2035 toekomstbestendig",
    )
    return rng.sample(shapes, rng.randint(2, 3))


# --------------------------------------------------------------------------- self-test


def _self_test() -> None:
    import time

    began = time.perf_counter()
    corpus = paraphrase_corpus(2000)
    took = time.perf_counter() - began
    texts = {}
    for p in corpus.portfolio.programmes:
        for node in [*p.operational_goals, *p.efforts]:
            texts[f"{p.id}/{node.id}"] = f"{node.title} | {getattr(node, 'description', '') or ''}"
    efforts = sum(len(p.efforts) for p in corpus.portfolio.programmes)
    print(
        f"{efforts} efforts in {len(corpus.portfolio.programmes)} programmes, {len(corpus.planted)} planted, "
        f"{len(corpus.elsewhere)} elsewhere, built in {took:.2f} s"
    )
    rng = random.Random(0)
    for base, other in rng.sample(list(corpus.planted), 8):
        print(f"  {base}: {texts[base]}\n  {other}: {texts[other]}")
        if base in corpus.elsewhere:
            print(f"  elsewhere {corpus.elsewhere[base]}: {texts[corpus.elsewhere[base]]}")
        print()


if __name__ == "__main__":
    _self_test()
    sys.exit(0)
