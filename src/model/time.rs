//! Calendar dates and ISO-8601 durations as the YAML writes them.
//!
//! The loader validates both against the JSON Schema formats `date` and `duration` before
//! the typed model is built, so the parsers here see only well-formed text; they still
//! return `Option` rather than panic, because the types are public.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::calendar::Date;

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid date '{s}'")))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "Datum als JJJJ-MM-DD, bijvoorbeeld 2025-03-01."
        })
    }
}

/// An ISO-8601 duration such as `P20Y`, `P1M`, `P4W` or `P1Y6M`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub years: u32,
    pub months: u32,
    pub weeks: u32,
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
}

impl Duration {
    /// Parses the date-and-time form of ISO 8601 durations (no fractions, no negatives).
    pub fn parse(s: &str) -> Option<Duration> {
        let rest = s.strip_prefix('P')?;
        let (date_part, time_part) = match rest.split_once('T') {
            Some((d, t)) if !t.is_empty() => (d, Some(t)),
            Some(_) => return None,
            None => (rest, None),
        };
        let mut out = Duration::default();
        let mut any = false;
        let mut fill = |part: &str, units: &[(char, usize)], out: &mut Duration| -> Option<()> {
            let mut digits = String::new();
            let mut last_unit = 0usize;
            for c in part.chars() {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                let pos = units.iter().position(|(u, _)| *u == c)?;
                if digits.is_empty() || pos < last_unit {
                    return None;
                }
                last_unit = pos + 1;
                let n: u32 = digits.parse().ok()?;
                digits.clear();
                let slot = units[pos].1;
                let field = match slot {
                    0 => &mut out.years,
                    1 => &mut out.months,
                    2 => &mut out.weeks,
                    3 => &mut out.days,
                    4 => &mut out.hours,
                    5 => &mut out.minutes,
                    _ => &mut out.seconds,
                };
                *field = n;
                any = true;
            }
            digits.is_empty().then_some(())
        };
        fill(date_part, &[('Y', 0), ('M', 1), ('W', 2), ('D', 3)], &mut out)?;
        if let Some(t) = time_part {
            fill(t, &[('H', 4), ('M', 5), ('S', 6)], &mut out)?;
        }
        any.then_some(out)
    }

    /// `P0D`, `PT0S`: a term of nothing, which no retention period or deadline can mean.
    pub fn is_zero(&self) -> bool {
        *self == Duration::default()
    }

    /// Approximate length in days (a month is 30.44 days), for comparing with norms.
    pub fn approx_days(&self) -> f64 {
        f64::from(self.years) * 365.25
            + f64::from(self.months) * 30.4375
            + f64::from(self.weeks) * 7.0
            + f64::from(self.days)
            + (f64::from(self.hours) + f64::from(self.minutes) / 60.0 + f64::from(self.seconds) / 3600.0) / 24.0
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (n, u) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n > 0 {
                write!(f, "{n}{u}")?;
            }
        }
        if self.hours + self.minutes + self.seconds > 0 {
            f.write_str("T")?;
            for (n, u) in [(self.hours, 'H'), (self.minutes, 'M'), (self.seconds, 'S')] {
                if n > 0 {
                    write!(f, "{n}{u}")?;
                }
            }
        }
        if *self == Duration::default() {
            f.write_str("0D")?;
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        Duration::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid duration '{s}'")))
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "duration",
            "description": "Termijn in ISO 8601-notatie: P20Y = 20 jaar, P7Y = 7 jaar, P1M = 1 maand, P4W = 4 weken, P30D = 30 dagen."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("0000-01-01").is_none());
        assert!(Date::parse("2025-02-30").is_none());
        assert!(Date::parse("1 maart 2024").is_none());
        assert_eq!(Date::parse("1970-01-02").map(Date::days_since_epoch), Some(1));
        for text in ["2024-02-29", "1999-12-31", "2026-11-23"] {
            let d = Date::parse(text).unwrap_or(Date {
                year: 0,
                month: 1,
                day: 1,
            });
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
    }

    #[test]
    fn durations() {
        let d = Duration::parse("P1Y6M").unwrap_or_default();
        assert_eq!((d.years, d.months), (1, 6));
        assert_eq!(Duration::parse("P4W").map(|d| d.weeks), Some(4));
        assert_eq!(Duration::parse("PT72H").map(|d| d.hours), Some(72));
        for bad in ["P", "20 jaar", "P1M1Y", "PT", "P1.5Y", "1Y"] {
            assert!(Duration::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(Duration::parse("P20Y").map(|d| d.to_string()), Some("P20Y".into()));
        assert_eq!(Duration::parse("P0D").map(|d| d.is_zero()), Some(true));
        assert_eq!(Duration::parse("PT0S").map(|d| d.is_zero()), Some(true));
        assert_eq!(Duration::parse("P1D").map(|d| d.is_zero()), Some(false));
    }
}
