"""Golden tables per language and rule: figures, times, dates and abbreviations of French, German,
Spanish, Italian and Portuguese articles said as a newsreader of that language says them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from audio_edition.languages import language_for
from audio_edition.script import normalize as normalizer
from audio_edition.script.speech import speech_text as _speech_text

LANGUAGES = ("fr", "de", "es", "it", "pt")


def normalize(text: str, tag: str) -> str:
    """The script stage's normaliser, in the language the registry finds for `tag`."""
    return normalizer.normalize(text, language_for(tag))


def speech_text(text: str, tag: str) -> str:
    return _speech_text(text, language_for(tag))


ROOT = Path(__file__).resolve().parents[2]
NNBSP, NBSP = "\u202f", "\u00a0"

GOLDEN: dict[str, dict[str, list[tuple[str, str]]]] = {
    "fr": {
        "web_addresses": [
            ("voir www.lemonde.fr/politique.", "voir lemonde point fr."),
            ("écrivez à presse@exemple.fr", "écrivez à presse arobase exemple point fr"),
        ],
        "dates": [
            ("le 2026-03-03", "le trois mars deux mille vingt-six"),
            ("2026-03-01", "premier mars deux mille vingt-six"),
        ],
        "money": [
            ("un plan de 1,2 Md€", "un plan de un virgule deux milliard d'euros"),
            ("3 Mds€ de dette", "trois milliards d'euros de dette"),
            ("un budget de 50 M$", "un budget de cinquante millions de dollars"),
            ("12,50 €", "douze euros cinquante"),
            ("1 €", "un euro"),
            ("50 k€", "cinquante mille euros"),
            (f"2{NBSP}500 £", "deux mille cinq cents livres"),
        ],
        "magnitudes": [("1,5 Md de personnes", "un virgule cinq milliard de personnes")],
        "percentages": [
            ("12 %", "douze pour cent"),
            (f"12{NNBSP}%", "douze pour cent"),
            ("1,5%", "un virgule cinq pour cent"),
        ],
        "signs": [("-3 °C", "moins trois degrés Celsius"), ("(-5 %)", "(moins cinq pour cent)")],
        "units": [
            ("130 km/h", "cent trente kilomètres-heure"),
            ("1 kg", "un kilo"),
            ("31 °C", "trente et un degrés Celsius"),
        ],
        "operators": [("3 < 5 et 2+2=4", "trois inférieur à cinq et deux plus deux égale quatre")],
        "ranges": [
            ("de 2020-2024", "de deux mille vingt à deux mille vingt-quatre"),
            ("battu 3-1", "battu trois à un"),
        ],
        "abbreviations": [
            ("M. Dupont et Mme Durand", "Monsieur Dupont et Madame Durand"),
            ("le Dr Martin", "le Docteur Martin"),
            ("MM. Dupont et Durand", "Messieurs Dupont et Durand"),
            ("Mlle Roux, Me Lenoir", "Mademoiselle Roux, Maître Lenoir"),
            ("St-Denis", "Saint-Denis"),
            ("la loi n° 5", "la loi numéro cinq"),
            ("des fruits, p. ex. des pommes, etc.", "des fruits, par exemple des pommes, et cetera"),
            ("en 52 av. J.-C.", "en cinquante-deux avant Jésus-Christ"),
            ("A. M. Turing", "A. M. Turing"),
        ],
        "ampersand": [("Dupont & Fils", "Dupont et Fils")],
        "times": [
            ("à 8 h 30", "à huit heures trente"),
            ("à 8h30", "à huit heures trente"),
            ("à 20:30", "à vingt heures trente"),
            ("à 1 h", "à une heure"),
            ("à 21 h", "à vingt et une heures"),
            ("12h05", "douze heures cinq"),
        ],
        "ordinals": [
            ("le 1er mars", "le premier mars"),
            ("la 1re fois", "la première fois"),
            ("la 2e place", "la deuxième place"),
            ("au XXIe siècle", "au vingt et unième siècle"),
        ],
        "numbers": [
            (f"1{NNBSP}234,5 habitants", "mille deux cent trente-quatre virgule cinq habitants"),
            ("1 234 habitants", "mille deux cent trente-quatre habitants"),
            ("21 personnes", "vingt et une personnes"),
            ("0,05", "zéro virgule zéro cinq"),
            ("l'A380 et la 3D", "l'A380 et la 3D"),
            ("en 2026", "en deux mille vingt-six"),
        ],
    },
    "de": {
        "web_addresses": [("auf www.tagesschau.de.", "auf tagesschau Punkt de.")],
        "dates": [("am 2026-03-03", "am dritten März zweitausendsechsundzwanzig")],
        "money": [
            ("3,5 Mrd. €", "drei Komma fünf Milliarden Euro"),
            ("1 Mrd. €", "eine Milliarde Euro"),
            ("12,50 €", "zwölf Euro fünfzig"),
            ("€ 20", "zwanzig Euro"),
            ("5 Mio. $", "fünf Millionen Dollar"),
        ],
        "magnitudes": [
            ("3,5 Mrd. Euro", "drei Komma fünf Milliarden Euro"),
            ("1,5 Mio. Menschen", "eins Komma fünf Millionen Menschen"),
            ("1 Mio. Menschen", "eine Million Menschen"),
        ],
        "percentages": [
            ("12 %", "zwölf Prozent"),
            ("12 Prozent", "zwölf Prozent"),
            ("0,5%", "null Komma fünf Prozent"),
        ],
        "signs": [("−2,5 %", "minus zwei Komma fünf Prozent")],
        "units": [("50 km/h", "fünfzig Kilometer pro Stunde"), ("-3 °C", "minus drei Grad Celsius")],
        "operators": [("3 < 5", "drei kleiner als fünf")],
        "ranges": [("2020-2024", "zweitausendzwanzig bis zweitausendvierundzwanzig")],
        "abbreviations": [
            ("z. B. Äpfel", "zum Beispiel Äpfel"),
            ("z.B. Äpfel", "zum Beispiel Äpfel"),
            ("d. h. nie", "das heißt nie"),
            ("u. a. Dr. Müller und Prof. Schmidt", "unter anderem Doktor Müller und Professor Schmidt"),
            ("Fr. Weber und Hr. Klein", "Frau Weber und Herr Klein"),
            ("Äpfel, Birnen usw.", "Äpfel, Birnen und so weiter"),
            ("ca. 30 bzw. 40", "circa dreißig beziehungsweise vierzig"),
            ("Nr. 5", "Nummer fünf"),
            ("Hauptstr. 12", "Hauptstraße zwölf"),
            ("im Jahr 9 v. Chr.", "im Jahr neun vor Christus"),
        ],
        "ampersand": [("Müller & Söhne", "Müller und Söhne")],
        "times": [
            ("um 8.30 Uhr", "um acht Uhr dreißig"),
            ("um 20:30", "um zwanzig Uhr dreißig"),
            ("um 20.00 Uhr", "um zwanzig Uhr"),
            ("um 1 Uhr", "um ein Uhr"),
        ],
        "ordinals": [
            ("Am 3. März", "Am dritten März"),
            ("3. März 2026", "dritter März zweitausendsechsundzwanzig"),
            ("der 2. Weltkrieg", "der zweite Weltkrieg"),
            ("vom 1. bis 3. März", "vom ersten bis dritten März"),
        ],
        "numbers": [
            ("1.234,5 Einwohner", "eintausendzweihundertvierunddreißig Komma fünf Einwohner"),
            ("1 234 Einwohner", "eintausendzweihundertvierunddreißig Einwohner"),
            ("im Jahr 1999.", "im Jahr neunzehnhundertneunundneunzig."),
            ("1999 Menschen", "eintausendneunhundertneunundneunzig Menschen"),
            ("eins, zwei, 1 Kind", "eins, zwei, ein Kind"),
            ("Zahl 1.", "Zahl eins."),
        ],
    },
    "es": {
        "web_addresses": [
            ("en www.elpais.com", "en elpais punto com"),
            ("a info@ejemplo.es", "a info arroba ejemplo punto es"),
        ],
        "dates": [("el 2026-03-03", "el tres de marzo de dos mil veintiséis")],
        "money": [
            ("1.234,50 €", "mil doscientos treinta y cuatro euros con cincuenta"),
            ("3,5 M€", "tres coma cinco millones de euros"),
            ("1 M€", "un millón de euros"),
            ("US$ 20", "veinte dólares"),
            ("1 £", "una libra"),
        ],
        "magnitudes": [("1,2 mill. de habitantes", "uno coma dos millones de habitantes")],
        "percentages": [("el 12 %", "el doce por ciento"), ("el 1 %", "el uno por ciento")],
        "signs": [("a -5 °C", "a menos cinco grados")],
        "units": [("100 km", "cien kilómetros"), ("1 km", "un kilómetro"), ("40 °C", "cuarenta grados")],
        "operators": [("3 < 5", "tres menor que cinco")],
        "ranges": [("ganó 3-1", "ganó tres a uno")],
        "abbreviations": [
            ("el Sr. García y la Sra. López", "el Señor García y la Señora López"),
            ("la Dra. Pérez y el Dr. Ruiz", "la Doctora Pérez y el Doctor Ruiz"),
            ("la Srta. Gil", "la Señorita Gil"),
            ("EE. UU. y EE.UU.", "Estados Unidos y Estados Unidos"),
            ("p. ej. trenes, etc.", "por ejemplo trenes, etcétera"),
            ("el núm. 5", "el número cinco"),
        ],
        "ampersand": [("Gil & Hijos", "Gil y Hijos")],
        "times": [
            ("a las 20:30", "a las veinte y treinta"),
            ("a las 20.30 h", "a las veinte y treinta"),
            ("a la 1:05", "a la una y cinco"),
            ("a las 8:00", "a las ocho horas"),
        ],
        "ordinals": [
            ("el 1.º de mayo", "el primero de mayo"),
            ("la 1.ª vez", "la primera vez"),
            ("el 3er puesto", "el tercer puesto"),
        ],
        "numbers": [
            ("21 años", "veintiún años"),
            ("21 personas", "veintiuna personas"),
            ("1 millón", "un millón"),
            ("el 1 de mayo", "el uno de mayo"),
            ("1.234", "mil doscientos treinta y cuatro"),
        ],
    },
    "it": {
        "web_addresses": [
            ("su www.corriere.it", "su corriere punto it"),
            ("a info@esempio.it", "a info chiocciola esempio punto it"),
        ],
        "dates": [
            ("il 2026-03-03", "il tre marzo duemilaventisei"),
            ("il 2026-03-01", "il primo marzo duemilaventisei"),
        ],
        "money": [
            ("€ 12,50", "dodici euro e cinquanta"),
            ("1,2 mld €", "uno virgola due miliardi di euro"),
            ("1 mln $", "un milione di dollari"),
            ("1 £", "una sterlina"),
        ],
        "magnitudes": [
            ("50 mln di euro", "cinquanta milioni di euro"),
            ("1 mld di euro", "un miliardo di euro"),
        ],
        "percentages": [("il 12%", "il dodici per cento")],
        "signs": [("a -5 °C", "a meno cinque gradi")],
        "units": [("130 km/h", "centotrenta chilometri orari"), ("1 kg", "un chilo")],
        "operators": [("3 < 5", "tre minore di cinque")],
        "ranges": [("vinto 3-1", "vinto tre a uno")],
        "abbreviations": [
            ("il Sig. Rossi e la Sig.ra Bianchi", "il Signor Rossi e la Signora Bianchi"),
            ("il Dott. Verdi e la Dott.ssa Neri", "il Dottor Verdi e la Dottoressa Neri"),
            ("il Prof. Conte e l'Avv. Gallo", "il Professor Conte e l'Avvocato Gallo"),
            ("l'Ing. Ferri e l'On. Costa", "l'Ingegner Ferri e l'Onorevole Costa"),
            ("p. es. treni ecc.", "per esempio treni eccetera"),
            ("il n. 5", "il numero cinque"),
        ],
        "ampersand": [("Rossi & Figli", "Rossi e Figli")],
        "times": [
            ("alle 20:30", "alle venti e trenta"),
            ("alle 8.30", "alle otto e trenta"),
            ("alle 13:00", "alle tredici"),
            ("all'1:15", "all'una e quindici"),
        ],
        "ordinals": [("il 3º posto", "il terzo posto"), ("la 1ª volta", "la prima volta")],
        "numbers": [
            ("1 persona", "una persona"),
            ("1 milione", "un milione"),
            ("1.234,5", "milleduecentotrentaquattro virgola cinque"),
            ("nel 2026", "nel duemilaventisei"),
        ],
    },
    "pt": {
        "web_addresses": [
            ("em www.publico.pt", "em publico ponto pt"),
            ("para info@exemplo.pt", "para info arroba exemplo ponto pt"),
        ],
        "dates": [
            ("em 2026-03-03", "em três de março de dois mil e vinte e seis"),
            ("2026-03-01", "primeiro de março de dois mil e vinte e seis"),
        ],
        "money": [
            ("R$ 1,2 bi", "um vírgula dois bilhão de reais"),
            ("US$ 3 bi", "três bilhões de dólares"),
            ("R$ 12,50", "doze reais e cinquenta"),
            ("R$ 1", "um real"),
            ("1 £", "uma libra"),
        ],
        "magnitudes": [("3 mi de pessoas", "três milhões de pessoas")],
        "percentages": [("12 %", "doze por cento")],
        "signs": [("a -5 °C", "a menos cinco graus Celsius")],
        "units": [("100 km/h", "cem quilômetros por hora"), ("2 kg", "dois quilos")],
        "operators": [("3 < 5", "três menor que cinco")],
        "ranges": [("venceu 3-1", "venceu três a um")],
        "abbreviations": [
            ("o Sr. Silva e a Sra. Costa", "o Senhor Silva e a Senhora Costa"),
            ("a Dra. Lima e o Dr. Souza", "a Doutora Lima e o Doutor Souza"),
            ("a Profa. Reis", "a Professora Reis"),
            ("lei nº 5", "lei número cinco"),
            ("p. ex. trens, etc.", "por exemplo trens, et cetera"),
        ],
        "ampersand": [("Silva & Filhos", "Silva e Filhos")],
        "times": [
            ("às 20h30", "às vinte horas e trinta"),
            ("às 20:30", "às vinte horas e trinta"),
            ("à 1h", "à uma hora"),
            ("às 2h", "às duas horas"),
        ],
        "ordinals": [
            ("o 1º lugar", "o primeiro lugar"),
            ("a 1ª vez", "a primeira vez"),
            ("o 3.º", "o terceiro"),
        ],
        "numbers": [
            ("2 pessoas", "duas pessoas"),
            ("22 semanas", "vinte e duas semanas"),
            ("1.234,5", "mil duzentos e trinta e quatro vírgula cinco"),
        ],
    },
}
CASES = [
    pytest.param(lang, written, said, id=f"{lang}-{rule}-{k}")
    for lang, rules in GOLDEN.items()
    for rule, cases in rules.items()
    for k, (written, said) in enumerate(cases)
]


@pytest.mark.parametrize(("lang", "written", "said"), CASES)
def test_figures_are_said_as_a_newsreader_of_the_language_says_them(
    lang: str, written: str, said: str
) -> None:
    assert normalize(written, lang) == said


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_of_a_language_has_golden_cases(lang: str) -> None:
    assert [rule.__name__ for rule in language_for(lang).normalization] == list(GOLDEN[lang])


def test_the_language_key_is_the_primary_subtag() -> None:
    assert normalize("12 %", "fr-CA") == normalize("12 %", "FR") == "douze pour cent"
    assert normalize("R$ 12,50", "pt_BR") == "doze reais e cinquenta"


def test_languages_without_rules_are_left_to_the_engine() -> None:
    assert normalize("Op 14 juli, 9% van 2026-03-03", "nl") == "Op 14 juli, 9% van 2026-03-03"


def test_the_speech_text_of_a_french_line_is_french() -> None:
    assert speech_text("Par Claire Dubois. 1er mars 2026.", "fr").text == (
        "Par Claire Dubois. premier mars deux mille vingt-six."
    )


def test_an_english_script_loads_no_babel_and_a_french_one_does() -> None:
    code = (
        "import json, sys\n"
        "from audio_edition.languages import language_for\n"
        "from audio_edition.model import Meta\n"
        "from audio_edition.script.opening import credit_line\n"
        "from audio_edition.script.normalize import normalize\n"
        "credit_line(Meta(title='T', byline='Jane Doe', date='2026-02-11'), language_for('en'))\n"
        "normalize('on 2026-02-11 at 9%', language_for('en'))\n"
        "english = 'babel' in sys.modules\n"
        "credit_line(Meta(title='T', date='2026-02-11', language='fr'), language_for('fr'))\n"
        "print(json.dumps([english, 'babel' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [False, True]
