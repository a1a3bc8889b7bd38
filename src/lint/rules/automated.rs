//! Placeholder replaced in this session.
use crate::lint::Rule;

pub const RULES: &[Rule] = &[];
