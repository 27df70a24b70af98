"""The ERASMI self-assessment: the success factors and challenges the seeds name, each with a stable key.

Other parts (the toolkit's learning units) refer to a factor by its key; never change a key. Every
statement is worded so that agreeing is good (the challenges too: "we cope with it"), so a low mean
marks a weak factor. The statements are content of the survey in five languages, the short labels
interface text (through the catalogues).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FACTOR, CHALLENGE = "factor", "challenge"


@dataclass(frozen=True)
class Factor:
    key: str
    kind: str
    label: str
    statements: dict


FACTORS = [
    Factor(
        "exchange",
        FACTOR,
        _("Regular exchange and trust"),
        {
            "en": "Our network has regular exchange and personal contacts based on trust.",
            "de": "In unserem Netzwerk gibt es einen regelmäßigen Austausch und persönliche Kontakte, die auf "
            "Vertrauen beruhen.",
            "tr": "Ağımızda düzenli bir fikir alışverişi ve güvene dayalı kişisel ilişkiler vardır.",
            "it": "Nella rete c'è uno scambio regolare e ci sono contatti personali basati sulla fiducia.",
            "da": "I vores netværk er der regelmæssig udveksling og personlige kontakter baseret på tillid.",
        },
    ),
    Factor(
        "goals",
        FACTOR,
        _("Working groups with concrete goals"),
        {
            "en": "Our working groups are tied to concrete goals.",
            "de": "Unsere Arbeitsgruppen arbeiten an konkreten Zielen.",
            "tr": "Çalışma gruplarımız somut hedeflere bağlıdır.",
            "it": "I gruppi di lavoro sono legati a obiettivi concreti.",
            "da": "Vores arbejdsgrupper er knyttet til konkrete mål.",
        },
    ),
    Factor(
        "information_flow",
        FACTOR,
        _("Clear information flow"),
        {
            "en": "Information flows clearly and reliably between the members of the network.",
            "de": "Informationen fließen klar und verlässlich zwischen den Mitgliedern des Netzwerks.",
            "tr": "Bilgi, ağın üyeleri arasında açık ve güvenilir bir şekilde paylaşılır.",
            "it": "Le informazioni circolano in modo chiaro e affidabile tra i membri della rete.",
            "da": "Informationer flyder klart og pålideligt mellem netværkets medlemmer.",
        },
    ),
    Factor(
        "surveys",
        FACTOR,
        _("Member surveys and adjustment"),
        {
            "en": "We ask our members regularly for their views and adjust our work to the results.",
            "de": "Wir befragen unsere Mitglieder regelmäßig und passen unsere Arbeit an die Ergebnisse an.",
            "tr": "Üyelerimizin görüşlerini düzenli olarak alır ve çalışmalarımızı sonuçlara göre uyarlarız.",
            "it": "I membri vengono consultati regolarmente e il lavoro viene adattato ai risultati.",
            "da": "Vi spørger regelmæssigt vores medlemmer og tilpasser vores arbejde efter resultaterne.",
        },
    ),
    Factor(
        "annual_report",
        FACTOR,
        _("Annual report with target figures"),
        {
            "en": "An annual report reviews the year and sets target figures for the next one.",
            "de": "Ein Jahresbericht zieht Bilanz und legt Zielzahlen für das kommende Jahr fest.",
            "tr": "Yıllık bir rapor yılı değerlendirir ve gelecek yılın hedef rakamlarını belirler.",
            "it": "Una relazione annuale fa il bilancio dell'anno e fissa gli obiettivi quantitativi per l'anno "
            "successivo.",
            "da": "En årsrapport gør status over året og fastsætter måltal for det kommende år.",
        },
    ),
    Factor(
        "heterogeneity",
        FACTOR,
        _("Heterogeneous membership"),
        {
            "en": "Our membership is heterogeneous and includes migrant self-organisations.",
            "de": "Unsere Mitglieder sind vielfältig; Migrant*innenselbstorganisationen gehören dazu.",
            "tr": "Üyelerimiz çeşitlidir; göçmen öz örgütleri de aramızdadır.",
            "it": "La composizione della rete è eterogenea e comprende organizzazioni di migranti.",
            "da": "Vores medlemskreds er mangfoldig og omfatter migrantorganisationer.",
        },
    ),
    Factor(
        "eye_level",
        FACTOR,
        _("Exchange at eye level"),
        {
            "en": "State and non-state actors exchange views at eye level.",
            "de": "Staatliche und nichtstaatliche Akteure tauschen sich auf Augenhöhe aus.",
            "tr": "Kamu ve sivil toplum aktörleri eşit koşullarda görüş alışverişinde bulunur.",
            "it": "Gli attori pubblici e quelli non pubblici si confrontano alla pari.",
            "da": "Offentlige og ikke-offentlige aktører udveksler synspunkter på lige fod.",
        },
    ),
    Factor(
        "commitments",
        FACTOR,
        _("Binding commitments"),
        {
            "en": "Binding commitments such as a cooperation agreement and rules of procedure support our work "
            "together.",
            "de": "Verbindliche Absprachen wie eine Kooperationsvereinbarung und eine Geschäftsordnung tragen "
            "unsere Zusammenarbeit.",
            "tr": "İşbirliği anlaşması ve çalışma yönergesi gibi bağlayıcı kurallar ortak çalışmamızı destekler.",
            "it": "Impegni vincolanti, come un accordo di cooperazione e un regolamento interno, sostengono la "
            "collaborazione.",
            "da": "Bindende aftaler som en samarbejdsaftale og en forretningsorden understøtter vores samarbejde.",
        },
    ),
    Factor(
        "turnover",
        CHALLENGE,
        _("Coping with turnover and information loss"),
        {
            "en": "Our network keeps its knowledge when members and staff change.",
            "de": "Unser Netzwerk bewahrt sein Wissen, auch wenn Mitglieder und Mitarbeitende wechseln.",
            "tr": "Üyeler ve çalışanlar değişse de ağımız bilgi birikimini korur.",
            "it": "La rete conserva le proprie conoscenze anche quando cambiano membri e personale.",
            "da": "Vores netværk bevarer sin viden, også når medlemmer og medarbejdere skifter.",
        },
    ),
    Factor(
        "participation",
        CHALLENGE,
        _("Input from volunteers and migrants"),
        {
            "en": "Volunteers and migrants bring their views into the network.",
            "de": "Ehrenamtliche und Migrant*innen bringen ihre Sicht in das Netzwerk ein.",
            "tr": "Gönüllüler ve göçmenler görüşlerini ağa aktarır.",
            "it": "Volontari e migranti portano il proprio punto di vista nella rete.",
            "da": "Frivillige og migranter bidrager med deres synspunkter til netværket.",
        },
    ),
    Factor(
        "competition",
        CHALLENGE,
        _("Cooperation instead of competition"),
        {
            "en": "Members cooperate with each other instead of competing.",
            "de": "Die Mitglieder arbeiten zusammen, statt miteinander zu konkurrieren.",
            "tr": "Üyeler birbirleriyle rekabet etmek yerine işbirliği yapar.",
            "it": "I membri collaborano tra loro invece di farsi concorrenza.",
            "da": "Medlemmerne samarbejder med hinanden i stedet for at konkurrere.",
        },
    ),
]

KEYS = [factor.key for factor in FACTORS]
BY_KEY = {factor.key: factor for factor in FACTORS}

TITLE = {
    "en": "ERASMI self-assessment {year}",
    "de": "ERASMI-Selbsteinschätzung {year}",
    "tr": "ERASMI öz değerlendirmesi {year}",
    "it": "Autovalutazione ERASMI {year}",
    "da": "ERASMI-selvevaluering {year}",
}
INTRO = {
    "en": "How does our network work? Please rate each statement from 1 (does not apply at all) to 5 (fully "
    "applies). Your answers are anonymous.",
    "de": "Wie arbeitet unser Netzwerk? Bitte bewerten Sie jede Aussage von 1 (trifft gar nicht zu) bis 5 "
    "(trifft voll zu). Ihre Antworten sind anonym.",
    "tr": "Ağımız nasıl çalışıyor? Lütfen her ifadeyi 1 (hiç katılmıyorum) ile 5 (tamamen katılıyorum) arasında "
    "değerlendiriniz. Yanıtlarınız anonimdir.",
    "it": "Come funziona la rete? Si prega di valutare ogni affermazione da 1 (non corrisponde affatto) a 5 "
    "(corrisponde pienamente). Le risposte sono anonime.",
    "da": "Hvordan fungerer vores netværk? Vurdér hvert udsagn fra 1 (passer slet ikke) til 5 (passer helt). "
    "Dine svar er anonyme.",
}
