//! The request procedure and complaints, and the rights that follow from the legal bases.
//!
//! Rights are never listed by hand in the YAML: [`derived_rights`] computes them from the
//! purposes with the matrix of docs/legal/rules-catalogue.md §4 ([`BASIS_RIGHTS`]), so a statement cannot promise
//! or forget a right by accident.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::organisation::{Address, Organisation};
use super::time::Duration;
use super::vocab::{Authority, LegalBasis, Right, SpecialCategoryCondition};

/// How and where people exercise their rights (AVG art. 12).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightsProcedure {
    #[serde(default)]
    #[schemars(description = "Waar iemand een verzoek indient: e-mail, formulier, adres of telefoon.")]
    pub channel: Option<Channel>,
    #[serde(default)]
    #[schemars(
        description = "Binnen welke termijn u op een verzoek reageert (ISO 8601; de AVG staat hooguit P1M toe, art. 12 lid 3)."
    )]
    pub response_time: Option<Duration>,
    #[serde(default)]
    #[schemars(
        description = "Zegt de verklaring dat de termijn bij complexe verzoeken met twee maanden kan worden verlengd, met bericht binnen de eerste maand?"
    )]
    pub extension_notice: bool,
    #[serde(default)]
    #[schemars(description = "Andere termijnen die de verklaring noemt, bijvoorbeeld voor verwijdering.")]
    pub other_terms: Vec<RequestTerm>,
    #[serde(default)]
    #[schemars(description = "Hoe u vaststelt wie het verzoek doet. Vraag niet meer dan nodig (AVG art. 12 lid 6).")]
    pub identification: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Vraagt u een vergoeding voor een verzoek? Alleen toegestaan voor extra kopieën of kennelijk ongegronde of buitensporige verzoeken (AVG art. 12 lid 5)."
    )]
    pub fee: Option<String>,
    #[serde(default)]
    #[schemars(description = "Accepteert u verzoeken alleen schriftelijk per brief?")]
    pub written_only: bool,
    #[serde(default)]
    #[schemars(description = "Beperkingen of uitzonderingen op rechten, elk met de wettelijke grond.")]
    pub restrictions: Vec<RightRestriction>,
    #[serde(default)]
    #[schemars(
        description = "Alleen om een bestaande verklaring te controleren: welke rechten die tekst noemt. verklaar leidt de rechten in de nieuwe verklaring zelf af uit de rechtsgronden en meldt welke de bestaande tekst mist (VK501–VK508)."
    )]
    pub stated: Option<Vec<Right>>,
    #[serde(default)]
    #[schemars(
        description = "Alleen bij `stated`: noemt de bestaande verklaring het recht van bezwaar apart en opvallend, los van de andere rechten (AVG art. 21 lid 4)?"
    )]
    pub objection_stated_separately: bool,
}

/// Request channels; any one suffices (AVG art. 12 lid 2).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    #[serde(default)]
    #[schemars(description = "E-mailadres voor verzoeken.")]
    pub email: Option<String>,
    #[serde(default)]
    #[schemars(description = "Adres van een webformulier.")]
    pub form: Option<String>,
    #[serde(default)]
    #[schemars(description = "Telefoonnummer.")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schemars(description = "Postadres.")]
    pub address: Option<Address>,
}

impl Channel {
    /// `channel:` with no way to reach anyone in it.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.form.is_none() && self.phone.is_none() && self.address.is_none()
    }
}

/// A term the statement names for a specific kind of request.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestTerm {
    #[serde(default)]
    #[schemars(description = "Voor welk recht de termijn geldt.")]
    pub right: Option<Right>,
    #[schemars(description = "De termijn (ISO 8601), bijvoorbeeld P3M.")]
    pub period: Duration,
    #[serde(default)]
    #[schemars(description = "De tekst van de verklaring.")]
    pub description: Option<String>,
}

/// A restriction of a right, with the legal ground that allows it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightRestriction {
    #[schemars(description = "Welk recht wordt beperkt.")]
    pub right: Right,
    #[schemars(description = "Wat de verklaring over de beperking zegt.")]
    pub description: String,
    #[serde(default)]
    #[schemars(description = "De wettelijke grond, bijvoorbeeld 'AVG art. 15 lid 4' of 'UAVG art. 41'.")]
    pub legal_ground: Option<String>,
}

/// Complaints: internal route and the supervisory authority (AVG art. 77).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    #[serde(default)]
    #[schemars(description = "De interne klachtenroute, zoals de verklaring die beschrijft.")]
    pub internal: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Link naar het klachtenreglement of de klachtenprocedure, als de verklaring ernaar verwijst."
    )]
    pub internal_url: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "De toezichthouder die de verklaring noemt: autoriteit_persoonsgegevens. Laat weg als de verklaring die niet noemt."
    )]
    pub authority: Option<Authority>,
    #[serde(default)]
    #[schemars(
        description = "De tekst van de verklaring over klagen bij de toezichthouder, als die afwijkt van de standaardzin."
    )]
    pub authority_text: Option<String>,
}

/// How a right applies under a legal basis (docs/legal/rules-catalogue.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Applies (must be stated).
    Yes,
    /// Applies with limits (state it, optionally with the limit).
    Limited,
    /// Applies only when processing is automated (portability, art. 20 lid 1 sub b).
    IfAutomated,
    /// Applies only when there are automated decisions (art. 22).
    IfAutomatedDecision,
}

/// docs/legal/rules-catalogue.md §4: rights that must be stated per legal basis, with their article.
/// Absent pairs do not apply. Source: AVG art. 7 lid 3, 15–18, 20–22, 77.
pub const BASIS_RIGHTS: &[(LegalBasis, &[(Right, Applicability)])] = {
    use Applicability::*;
    use Right::*;
    const COMMON_TAIL: [(Right, Applicability); 2] = [(AutomatedDecision, IfAutomatedDecision), (Complaint, Yes)];
    &[
        (
            LegalBasis::Consent,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Yes),
                (Restriction, Yes),
                (Portability, IfAutomated),
                (WithdrawConsent, Yes),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
        (
            LegalBasis::Contract,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Yes),
                (Restriction, Yes),
                (Portability, IfAutomated),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
        (
            LegalBasis::LegalObligation,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Limited),
                (Restriction, Yes),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
        (
            LegalBasis::VitalInterests,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Yes),
                (Restriction, Yes),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
        (
            LegalBasis::PublicTask,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Limited),
                (Restriction, Yes),
                (Objection, Yes),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
        (
            LegalBasis::LegitimateInterests,
            &[
                (Access, Yes),
                (Rectification, Yes),
                (Erasure, Yes),
                (Restriction, Yes),
                (Objection, Yes),
                COMMON_TAIL[0],
                COMMON_TAIL[1],
            ],
        ),
    ]
};

/// Why a right applies: the purposes (by index) that require it and whether it is limited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RightGrounds {
    /// Indices into `Organisation::purposes` that give rise to the right.
    pub purposes: Vec<usize>,
    /// Indices into `Organisation::legal_bases`: bases the statement names without tying them
    /// to a purpose. A statement that relies on consent must still say it can be withdrawn.
    pub statement_bases: Vec<usize>,
    /// True when every purpose that requires it allows only a limited form (art. 17 lid 3).
    pub limited: bool,
    /// Direct marketing makes objection absolute (art. 21 lid 2–3).
    pub absolute: bool,
    /// Care under art. 9 lid 2 sub h adds the WGBO rights (BW 7:455, 7:456).
    pub wgbo: bool,
}

/// The rights the statement must state, derived from the legal bases of its purposes
/// (docs/legal/rules-catalogue.md §4: the union over purposes). The AP complaint right always applies.
pub fn derived_rights(org: &Organisation) -> BTreeMap<Right, RightGrounds> {
    let mut out: BTreeMap<Right, RightGrounds> = BTreeMap::new();
    let mut limited_only: BTreeMap<Right, bool> = BTreeMap::new();
    for (index, purpose) in org.purposes.iter().enumerate() {
        let health_care = purpose.special_category_condition == Some(SpecialCategoryCondition::HealthCare);
        let explicit_consent = purpose.special_category_condition == Some(SpecialCategoryCondition::ExplicitConsent);
        let mut add = |right: Right, limited: bool| {
            let grounds = out.entry(right).or_default();
            if grounds.purposes.last() != Some(&index) {
                grounds.purposes.push(index);
            }
            grounds.wgbo |= health_care && matches!(right, Right::Access | Right::Erasure | Right::Rectification);
            let only = limited_only.entry(right).or_insert(true);
            *only &= limited;
        };
        if let Some(basis) = purpose.legal_basis {
            for &(right, how) in rights_for(basis) {
                match how {
                    Applicability::Yes => add(right, false),
                    Applicability::Limited => add(right, true),
                    Applicability::IfAutomated if purpose.automated => add(right, false),
                    Applicability::IfAutomatedDecision if purpose.automated_decision.is_some() => add(right, false),
                    _ => {}
                }
            }
        }
        // Explicit consent under art. 9 lid 2 sub a can be withdrawn like any consent.
        if explicit_consent {
            add(Right::WithdrawConsent, false);
        }
        if purpose.direct_marketing {
            add(Right::Objection, false);
            out.entry(Right::Objection).or_default().absolute = true;
        }
    }
    for (right, only) in limited_only {
        if let Some(grounds) = out.get_mut(&right) {
            grounds.limited = only;
        }
    }
    // Portability needs automated processing; a statement-level basis says nothing about it,
    // so follow the purposes (automated unless the model says paper only).
    let automated = org.purposes.is_empty() || org.purposes.iter().any(|p| p.automated);
    for (i, b) in org.legal_bases.iter().enumerate() {
        for &(right, how) in rights_for(b.basis) {
            let applies = match how {
                Applicability::Yes | Applicability::Limited => true,
                Applicability::IfAutomated => automated,
                Applicability::IfAutomatedDecision => false,
            };
            if applies {
                out.entry(right).or_default().statement_bases.push(i);
            }
        }
    }
    out.entry(Right::Complaint).or_default();
    out
}

/// The matrix row for one legal basis.
pub fn rights_for(basis: LegalBasis) -> &'static [(Right, Applicability)] {
    BASIS_RIGHTS
        .iter()
        .find(|(b, _)| *b == basis)
        .map(|(_, rights)| *rights)
        .unwrap_or(&[])
}
