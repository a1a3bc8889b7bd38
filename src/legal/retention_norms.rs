//! Dutch statutory minimums and guidance maximums for retention (docs/legal/rules-catalogue.md §2).
//!
//! `matches` is a case-insensitive regex over the name of what is kept (category name,
//! schedule records, purpose description): it decides which norm a retention term is
//! compared with. Norms marked `Medium` are reported at warning level until a lawyer has
//! confirmed them (docs/legal/rules-catalogue.md §2).

use std::sync::OnceLock;

use super::patterns::PatternList;

use crate::model::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormKind {
    /// Statutory minimum: shorter is an error (VK404).
    Min,
    /// Guidance maximum: longer is a warning (VK405).
    Max,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    High,
    Medium,
}

#[derive(Debug)]
pub struct RetentionNorm {
    pub key: &'static str,
    /// Dutch description of the records.
    pub records: &'static str,
    pub matches: &'static str,
    pub years: u32,
    pub weeks: u32,
    pub start: &'static str,
    pub source: &'static str,
    pub kind: NormKind,
    pub confidence: Confidence,
}

impl RetentionNorm {
    pub fn term(&self) -> Duration {
        Duration {
            years: self.years,
            weeks: self.weeks,
            ..Duration::default()
        }
    }

    /// The term in Dutch words ("20 jaar", "4 weken").
    pub fn term_nl(&self) -> String {
        if self.years > 0 {
            format!("{} jaar", self.years)
        } else {
            format!("{} weken", self.weeks)
        }
    }
}

#[rustfmt::skip]
pub const NORMS: &[RetentionNorm] = &[
    RetentionNorm { key: "wgbo-medical-record", records: "medisch dossier (WGBO)", matches: r"medisch|wgbo|pati[eë]ntendossier|behandeldossier|7:454|zorginhoudelijk", years: 20, weeks: 0, start: "na de laatste wijziging in het dossier", source: "art. 7:454 lid 3 BW (20 jaar sinds 1 januari 2020)", kind: NormKind::Min, confidence: Confidence::High },
    RetentionNorm { key: "jeugdwet-record", records: "dossier jeugdhulp", matches: r"jeugdhulp|jeugdzorg|jeugdbescherming|jeugdwet", years: 20, weeks: 0, start: "vanaf het vervaardigen van het document", source: "Jeugdwet art. 7.3.8", kind: NormKind::Min, confidence: Confidence::High },
    RetentionNorm { key: "fiscal-records", records: "fiscale en financiële administratie", matches: r"fiscal|financi[eë]l|boekhoud|factur|administratieve\s+gegevens|belasting", years: 7, weeks: 0, start: "na het einde van het boekjaar", source: "AWR art. 52 lid 4; BW art. 2:10 lid 3", kind: NormKind::Min, confidence: Confidence::High },
    RetentionNorm { key: "payroll", records: "salarisadministratie", matches: r"salaris|loonadministratie|loonstro|loonstaat", years: 7, weeks: 0, start: "na het einde van het jaar", source: "AWR art. 52 lid 4", kind: NormKind::Min, confidence: Confidence::High },
    RetentionNorm { key: "employee-id-copy", records: "kopie identiteitsbewijs werknemer", matches: r"kopie.*identiteitsbewijs.*(werknemer|medewerker)|id-kopie", years: 5, weeks: 0, start: "na het einde van het kalenderjaar van uitdiensttreding", source: "Wet op de loonbelasting 1964 art. 28", kind: NormKind::Min, confidence: Confidence::Medium },
    RetentionNorm { key: "job-applicants", records: "sollicitatiegegevens", matches: r"sollicit", years: 0, weeks: 4, start: "na het einde van de sollicitatieprocedure", source: "AP-richtsnoer sollicitatie; NVP Sollicitatiecode (1 jaar met toestemming)", kind: NormKind::Max, confidence: Confidence::High },
    RetentionNorm { key: "camera-images", records: "camerabeelden", matches: r"camera", years: 0, weeks: 4, start: "na de opname", source: "AP-richtsnoer cameratoezicht", kind: NormKind::Max, confidence: Confidence::High },
    RetentionNorm { key: "sick-leave-admin", records: "verzuimadministratie werkgever", matches: r"verzuim|ziekmelding", years: 2, weeks: 0, start: "na uitdiensttreding", source: "AP Beleidsregels De zieke werknemer (2016)", kind: NormKind::Max, confidence: Confidence::Medium },
    RetentionNorm { key: "reintegration-file", records: "re-integratiedossier werkgever", matches: r"re-?[iï]ntegratiedossier", years: 2, weeks: 0, start: "na afloop van de re-integratie", source: "AP Beleidsregels De zieke werknemer (2016)", kind: NormKind::Max, confidence: Confidence::Medium },
    RetentionNorm { key: "zw-eigenrisicodrager", records: "gegevens als eigenrisicodrager Ziektewet", matches: r"eigenrisicodrager", years: 5, weeks: 0, start: "na het einde van de uitkering", source: "Ziektewet; AP Beleidsregels De zieke werknemer", kind: NormKind::Min, confidence: Confidence::Medium },
    RetentionNorm { key: "personnel-file", records: "personeelsdossier", matches: r"personeelsdossier|(gegevens\s+van\s+)?(medewerkers|werknemers|personeel)\b", years: 2, weeks: 0, start: "na uitdiensttreding", source: "AP-richtsnoer werknemers", kind: NormKind::Max, confidence: Confidence::Medium },
];

/// The first norm whose pattern matches `name`: one pass of the table as a set, whose
/// matches come in table order.
pub fn norm_for(name: &str) -> Option<&'static RetentionNorm> {
    static PATTERNS: OnceLock<PatternList> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| PatternList::new(NORMS.iter().map(|n| n.matches.to_string()).collect()));
    patterns.matching(name).first().and_then(|&i| NORMS.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup() {
        assert_eq!(
            norm_for("Medische gegevens (WGBO)").map(|n| n.key),
            Some("wgbo-medical-record")
        );
        assert_eq!(norm_for("Fiscale gegevens").map(|n| n.key), Some("fiscal-records"));
        assert_eq!(
            norm_for("gegevens van sollicitanten").map(|n| n.key),
            Some("job-applicants")
        );
        assert_eq!(norm_for("Jeugdhulp").map(|n| n.key), Some("jeugdwet-record"));
        assert!(norm_for("bezoekers van de website").is_none());
    }
}
