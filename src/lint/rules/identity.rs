//! VK0xx — document and identity (AVG art. 13/14 lid 1 sub a–b, art. 27, 37).

use crate::lint::{Ctx, Found, Rule};
use crate::source::Pointer;

fn org() -> Pointer {
    Pointer::root().key("organisation")
}

rule!(
    VK001, "VK001", "controller-identity-missing", Error, "AVG art. 13 lid 1 sub a; art. 14 lid 1 sub a",
    what: "Of de verklaring zegt wie de verwerkingsverantwoordelijke is: de naam van de organisatie.",
    why: "Iedereen moet weten wie zijn gegevens verwerkt en bij wie hij terecht kan. AVG art. 13 lid 1 sub a en art. 14 lid 1 sub a verplichten u de identiteit van de verwerkingsverantwoordelijke te vermelden.",
    bad: "organisation:\n  name: \"\"\n",
    good: "organisation:\n  name: Praktijk De Linde\n  legal_name: De Linde Fysiotherapie B.V.\n",
    check: vk001,
);

fn vk001(ctx: &Ctx) -> Vec<Found> {
    let c = &ctx.org.organisation;
    if !c.name.trim().is_empty() || c.legal_name.as_deref().is_some_and(|n| !n.trim().is_empty()) {
        return vec![];
    }
    vec![Found::new(
        org().key("name"),
        ctx.t(
            "De identiteit van de verwerkingsverantwoordelijke ontbreekt.",
            "The identity of the controller is missing.",
        ),
        Some(ctx.t(
            "Vermeld de naam van uw organisatie.",
            "State the name of your organisation.",
        )),
    )]
}

rule!(
    VK002, "VK002", "controller-contact-missing", Error, "AVG art. 13 lid 1 sub a; art. 14 lid 1 sub a; art. 12 lid 2",
    what: "Of de verklaring contactgegevens noemt waarmee de lezer de organisatie bereikt: een adres, e-mailadres, telefoonnummer of webformulier van de organisatie, van de FG of voor verzoeken.",
    why: "Wie zijn rechten wil uitoefenen, moet u kunnen bereiken (AVG art. 13 lid 1 sub a; art. 12 lid 2).",
    bad: "organisation:\n  name: Praktijk De Linde\n",
    good: "organisation:\n  name: Praktijk De Linde\n  address: { street: Lindelaan 1, postcode: 1234 AB, city: Utrecht }\n  contact: { email: info@delinde.example }\n",
    check: vk002,
);

fn vk002(ctx: &Ctx) -> Vec<Found> {
    let c = &ctx.org.organisation;
    let contact = c.contact.clone().unwrap_or_default();
    if c.address.is_some()
        || c.postal_address.is_some()
        || contact.email.is_some()
        || contact.phone.is_some()
        || contact.web_form.is_some()
    {
        return vec![];
    }
    // Contact details the statement gives for questions and requests (the DPO's, AVG art. 38
    // lid 4, or a request channel) are a way to reach the controller: the reader is not left
    // without one. An incomplete identity (no address, one channel) is VK003's finding.
    let dpo_contact = ctx
        .org
        .dpo
        .as_ref()
        .is_some_and(|d| d.email.is_some() || d.phone.is_some() || d.address.is_some());
    let request_channel = ctx
        .org
        .rights
        .as_ref()
        .and_then(|r| r.channel.as_ref())
        .is_some_and(|c| c.email.is_some() || c.form.is_some() || c.phone.is_some() || c.address.is_some());
    if dpo_contact || request_channel {
        return vec![];
    }
    vec![Found::new(
        org(),
        ctx.t(
            "Er staan geen contactgegevens van de verwerkingsverantwoordelijke in de verklaring.",
            "The statement gives no contact details of the controller.",
        ),
        Some(ctx.t(
            "Vermeld ten minste een adres en een e-mailadres of telefoonnummer (`organisation.address`, `organisation.contact`).",
            "State at least an address and an e-mail address or phone number (`organisation.address`, `organisation.contact`).",
        )),
    )]
}

rule!(
    VK003, "VK003", "controller-identity-incomplete", Warning, "AVG art. 13 lid 1 sub a; WP260 annex",
    what: "Of naast de handelsnaam ook de juridische naam, een postadres en meer dan één contactmogelijkheid worden genoemd.",
    why: "Een handelsnaam alleen zegt niet welke rechtspersoon verantwoordelijk is. WP260 raadt aan verschillende manieren te bieden om contact op te nemen.",
    bad: "organisation:\n  name: Livio\n  contact: { email: privacy@livio.nl }\n",
    good: "organisation:\n  name: Livio\n  legal_name: Stichting Livio\n  address: { street: Postbus 1, postcode: 7500 AA, city: Enschede }\n  contact: { email: privacy@livio.nl, phone: \"088 123 45 67\" }\n",
    check: vk003,
);

fn vk003(ctx: &Ctx) -> Vec<Found> {
    let c = &ctx.org.organisation;
    let contact = c.contact.clone().unwrap_or_default();
    let mut missing = Vec::new();
    if c.legal_name.is_none() {
        missing.push(ctx.t("de juridische naam met rechtsvorm", "the legal name with legal form"));
    }
    // A place name alone ("Helmond") is not an address a letter can be sent to.
    let full = |a: &Option<crate::model::organisation::Address>| a.as_ref().is_some_and(|a| a.street.is_some());
    if !full(&c.address) && !full(&c.postal_address) {
        missing.push(ctx.t("een postadres", "a postal address"));
    }
    let channels = [
        contact.email.is_some(),
        contact.phone.is_some(),
        contact.web_form.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if channels < 2 {
        missing.push(ctx.t(
            "een tweede manier om contact op te nemen",
            "a second way to get in touch",
        ));
    }
    if missing.is_empty() {
        return vec![];
    }
    let list = ctx.lang.and_list(&missing);
    vec![Found::new(
        org().key("name"),
        ctx.t(
            format!("Van '{}' ontbreekt {list}.", c.name),
            format!("For '{}' the statement lacks {list}.", c.name),
        ),
        Some(ctx.t(
            "Vul `legal_name` (bijvoorbeeld 'Stichting …' of '… B.V.'), `address` en ten minste twee van `contact.email`, `contact.phone` en `contact.web_form` in.",
            "Fill in `legal_name` (e.g. 'Stichting …' or '… B.V.'), `address` and at least two of `contact.email`, `contact.phone` and `contact.web_form`.",
        )),
    )]
}

rule!(
    VK004, "VK004", "eu-representative-missing", Error, "AVG art. 13 lid 1 sub a; art. 14 lid 1 sub a; art. 27",
    what: "Of een organisatie buiten de EU een vertegenwoordiger in de EU noemt.",
    why: "Een verwerkingsverantwoordelijke buiten de EU die zich op mensen in de EU richt, moet een vertegenwoordiger in de EU aanwijzen (art. 27) en diens gegevens vermelden (art. 13 lid 1 sub a).",
    bad: "organisation:\n  name: Example Inc.\n  established_in_eu: false\n",
    good: "organisation:\n  name: Example Inc.\n  established_in_eu: false\n  representative: { name: Example EU B.V., email: eu@example.com }\n",
    check: vk004,
);

fn vk004(ctx: &Ctx) -> Vec<Found> {
    let c = &ctx.org.organisation;
    if c.established_in_eu || c.representative.is_some() {
        return vec![];
    }
    vec![Found::new(
        org().key("established_in_eu"),
        ctx.t(
            "Uw organisatie is buiten de EU gevestigd, maar de verklaring noemt geen vertegenwoordiger in de EU.",
            "Your organisation is established outside the EU, but the statement names no EU representative.",
        ),
        Some(ctx.t(
            "Vermeld naam en contactgegevens van uw vertegenwoordiger in `organisation.representative`.",
            "State your representative's name and contact details in `organisation.representative`.",
        )),
    )]
}

rule!(
    VK005, "VK005", "dpo-contact-missing", Error, "AVG art. 13 lid 1 sub b; art. 14 lid 1 sub b; art. 37 lid 7",
    what: "Of de contactgegevens van de functionaris gegevensbescherming (FG) er staan, als er een FG is.",
    why: "Heeft u een FG, dan moet u de contactgegevens publiceren (art. 37 lid 7) en in de verklaring noemen (art. 13 lid 1 sub b). De naam mag weg; een e-mailadres, telefoonnummer of adres niet.",
    bad: "dpo:\n  appointed: true\n  name: J. Jansen\n",
    good: "dpo:\n  appointed: true\n  email: fg@voorbeeld.example\n",
    check: vk005,
);

fn vk005(ctx: &Ctx) -> Vec<Found> {
    let Some(dpo) = &ctx.org.dpo else { return vec![] };
    if !dpo.appointed || dpo.email.is_some() || dpo.phone.is_some() || dpo.address.is_some() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("dpo"),
        ctx.t(
            "U heeft een functionaris gegevensbescherming (FG), maar de contactgegevens van de FG ontbreken.",
            "You have a data protection officer (DPO), but the DPO's contact details are missing.",
        ),
        Some(ctx.t(
            "Vul `dpo.email` of `dpo.phone` in.",
            "Fill in `dpo.email` or `dpo.phone`.",
        )),
    )]
}

rule!(
    VK006, "VK006", "dpo-likely-required", Warning, "AVG art. 37 lid 1 sub a–c; overweging 91",
    what: "Of een organisatie zonder FG er volgens het model wel een nodig heeft: een overheidsorgaan, of verwerking op grote schaal van bijzondere gegevens of van mensen volgen.",
    why: "AVG art. 37 lid 1 verplicht dan een FG. Een enkele zorgverlener valt er volgens overweging 91 niet onder; daarom kijkt de regel alleen naar wat het model uitdrukkelijk zegt.",
    bad: "scope:\n  large_scale_special_categories: true\ndpo:\n  appointed: false\n",
    good: "scope:\n  large_scale_special_categories: true\ndpo:\n  appointed: true\n  email: fg@voorbeeld.example\n",
    check: vk006,
);

fn vk006(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.dpo.as_ref().is_some_and(|d| d.appointed) {
        return vec![];
    }
    let scope = ctx.org.scope.clone().unwrap_or_default();
    let reason = if ctx.org.organisation.public_authority {
        ctx.t(
            "Uw organisatie is een overheidsorgaan (AVG art. 37 lid 1 sub a).",
            "Your organisation is a public authority (GDPR art. 37(1)(a)).",
        )
    } else if scope.large_scale_special_categories {
        ctx.t(
            "Uw organisatie verwerkt op grote schaal bijzondere persoonsgegevens (AVG art. 37 lid 1 sub c).",
            "Your organisation processes special categories of data on a large scale (GDPR art. 37(1)(c)).",
        )
    } else if scope.large_scale_monitoring {
        ctx.t(
            "Uw organisatie volgt op grote schaal mensen (AVG art. 37 lid 1 sub b).",
            "Your organisation monitors people on a large scale (GDPR art. 37(1)(b)).",
        )
    } else {
        return vec![];
    };
    let at = if ctx.org.dpo.is_some() {
        Pointer::root().key("dpo").key("appointed")
    } else {
        Pointer::root().key("organisation")
    };
    vec![Found::new(
        at,
        ctx.t(
            format!("{reason} Dan is een FG verplicht."),
            format!("{reason} A DPO is then mandatory."),
        ),
        Some(ctx.t(
            "Wijs een FG aan en vermeld de contactgegevens in `dpo`.",
            "Appoint a DPO and give the contact details in `dpo`.",
        )),
    )]
}

rule!(
    VK007, "VK007", "document-date-missing", Warning, "AVG art. 12 lid 1; WP260 punt 29–33 (best practice)",
    what: "Of de verklaring een versie of een datum heeft, en zegt hoe u wijzigingen bekendmaakt.",
    why: "Zonder datum weet een lezer niet of hij de geldende tekst leest of wat er veranderd is (WP260 punt 29–33).",
    bad: "statement:\n  address_form: u\n",
    good: "statement:\n  address_form: u\n  version: \"2025.1\"\n  effective_date: 2025-03-01\n  change_policy: Wijzigingen staan op deze pagina, met de datum.\n",
    check: vk007,
);

fn vk007(ctx: &Ctx) -> Vec<Found> {
    let s = &ctx.org.statement;
    // A version label with a year ("Versie: januari 2025") dates the statement well enough.
    let dated_label = s.version_label.as_deref().is_some_and(|l| {
        l.split(|c: char| !c.is_ascii_digit())
            .any(|y| y.len() == 4 && (y.starts_with("19") || y.starts_with("20")))
    });
    if s.version.is_some() || s.effective_date.is_some() || dated_label {
        return vec![];
    }
    let label = s.version_label.clone();
    let policy = s.change_policy.is_none();
    let (nl, en) = match &label {
        Some(l) => (
            format!("De verklaring heeft geen datum of versienummer, alleen '{l}'."),
            format!("The statement has no date or version number, only '{l}'."),
        ),
        None => (
            "De verklaring heeft geen datum of versienummer.".to_string(),
            "The statement has no date or version number.".to_string(),
        ),
    };
    let (help_nl, help_en) = if policy {
        (
            "Vermeld wanneer deze versie is vastgesteld (`statement.version`, `statement.effective_date`) en hoe u wijzigingen bekendmaakt (`statement.change_policy`).",
            "State when this version took effect (`statement.version`, `statement.effective_date`) and how you announce changes (`statement.change_policy`).",
        )
    } else {
        (
            "Vermeld wanneer deze versie is vastgesteld (`statement.version`, `statement.effective_date`).",
            "State when this version took effect (`statement.version`, `statement.effective_date`).",
        )
    };
    let at = if label.is_some() {
        Pointer::root().key("statement").key("version_label")
    } else {
        Pointer::root().key("statement")
    };
    vec![Found::new(at, ctx.t(nl, en), Some(ctx.t(help_nl, help_en)))]
}

rule!(
    VK008, "VK008", "scope-missing", Warning, "AVG art. 12 lid 1; WP260 punt 8–10",
    what: "Of de verklaring zegt voor wie zij geldt: de groepen betrokkenen.",
    why: "Een lezer moet kunnen zien of de verklaring over hem gaat (WP260 punt 8–10).",
    bad: "data_subjects: []\n",
    good: "data_subjects:\n  - { id: clienten, name: cliënten en hun naasten }\n",
    check: vk008,
);

fn vk008(ctx: &Ctx) -> Vec<Found> {
    if !ctx.org.data_subjects.is_empty() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("data_subjects"),
        ctx.t(
            "De verklaring zegt niet voor wie zij geldt.",
            "The statement does not say whom it covers.",
        ),
        Some(ctx.t(
            "Vermeld in `data_subjects` de groepen, bijvoorbeeld cliënten, bezoekers van de website, sollicitanten.",
            "List the groups in `data_subjects`, e.g. clients, website visitors, applicants.",
        )),
    )]
}

rule!(
    VK009, "VK009", "security-undescribed", Info, "AVG art. 5 lid 1 sub f; art. 32 (geen art. 13-element)",
    what: "Of de verklaring de belangrijkste beveiligingsmaatregelen noemt.",
    why: "Geen verplicht onderdeel van art. 13, maar lezers willen weten hoe hun gegevens beschermd worden (art. 5 lid 1 sub f, art. 32).",
    bad: "security:\n  measures: []\n",
    good: "security:\n  measures:\n    - Alleen medewerkers die u behandelen, kunnen uw dossier openen.\n",
    check: vk009,
);

fn vk009(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.security.as_ref().is_some_and(|s| !s.measures.is_empty()) {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("security").key("measures"),
        ctx.t(
            "U beschrijft niet hoe u persoonsgegevens beveiligt. De wet vraagt dat niet in de verklaring, maar lezers willen weten hoe hun gegevens beschermd zijn.",
            "You do not describe how you secure personal data. The law does not require it in the statement, but readers want to know how their data are protected.",
        ),
        Some(ctx.t(
            "Noem in `security.measures` de belangrijkste maatregelen in gewone woorden.",
            "List the main measures in plain words in `security.measures`.",
        )),
    )]
}

rule!(
    VK010, "VK010", "data-breach-info", Info, "AVG art. 33, 34",
    what: "Of de verklaring zegt wat u doet bij een datalek.",
    why: "Niet verplicht in de verklaring, maar het laat zien dat u de meldplicht (art. 33–34) kent.",
    bad: "security:\n  measures: [Versleutelde verbindingen.]\n",
    good: "security:\n  measures: [Versleutelde verbindingen.]\n  data_breach: Bij een datalek melden wij dat binnen 72 uur aan de Autoriteit Persoonsgegevens.\n",
    check: vk010,
);

fn vk010(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.security.as_ref().is_some_and(|s| s.data_breach.is_some()) {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("security").key("data_breach"),
        ctx.t("De verklaring zegt niet wat u doet bij een datalek.", "The statement does not say what you do in a data breach."),
        Some(ctx.t(
            "U kunt in `security.data_breach` kort vermelden: melding bij de AP binnen 72 uur, bericht aan betrokkenen bij hoog risico.",
            "You can state briefly in `security.data_breach`: notification to the AP within 72 hours, notice to data subjects at high risk.",
        )),
    )]
}

rule!(
    VK011, "VK011", "dpo-unstated", Info, "AVG art. 13 lid 1 sub b; art. 14 lid 1 sub b",
    what: "Of het bestand zegt of er een functionaris gegevensbescherming (FG) is (`dpo`).",
    why: "Heeft u een FG, dan moet de verklaring zijn contactgegevens noemen (art. 13 lid 1 sub b). Art. 13 vraagt dat alleen 'in voorkomend geval': zegt het bestand niets, dan laat de verklaring het hoofdstuk over de FG weg. Is een FG verplicht volgens het bestand (`scope`), dan meldt VK006 dat als waarschuwing; anders is dit een aanwijzing: de lezer weet niet of er een FG is.",
    bad: "# geen `dpo`\n",
    good: "dpo:\n  appointed: false\n  not_required_reason: Kleine praktijk; geen verwerking op grote schaal.\n",
    check: vk011,
);

fn vk011(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.dpo.is_some() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("dpo"),
        ctx.t(
            "Het bestand zegt niet of u een functionaris gegevensbescherming (FG) heeft. De verklaring zegt daarom niets over een FG.",
            "The file does not say whether you have a data protection officer (DPO). The statement therefore says nothing about a DPO.",
        ),
        Some(ctx.t(
            "Schrijf `dpo: { appointed: true, email: … }`, of `dpo: { appointed: false, not_required_reason: … }`.",
            "Write `dpo: { appointed: true, email: … }`, or `dpo: { appointed: false, not_required_reason: … }`.",
        )),
    )]
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[
    VK001, VK002, VK003, VK004, VK005, VK006, VK007, VK008, VK009, VK010, VK011,
];
