use std::io::Write;

use super::ExitStatus;
use super::args::SchemaArgs;
use crate::model::schema::schema_text;

pub fn run(_: &SchemaArgs) -> std::io::Result<ExitStatus> {
    std::io::stdout().lock().write_all(schema_text().as_bytes())?;
    Ok(ExitStatus::Clean)
}
