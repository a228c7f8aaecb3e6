//! Ferry's own export and import: the sites (with their folders) as a TOML file of the same form as
//! `sites.toml`, without recent connections and, since sites hold none, without any secret.

use std::path::Path;

use crate::error::{Error, Result};
use crate::sites::file::describe_toml_error;
use crate::sites::{Import, Site, Sites};

/// Writes `sites` to `path` (atomically), with only the fields this Ferry knows: keys kept from a
/// newer version's file may hold anything and stay on this machine. Secrets stay in the keyring.
pub fn export_sites(sites: &[Site], path: &Path) -> Result<()> {
    let export = Sites {
        sites: sites.to_vec(),
        ..Sites::default()
    };
    export.known_fields_only().save(path)
}

/// Reads an export. Site ids are kept, so a re-import onto the same machine finds its keyring
/// entries again; a clashing id gets a new one when merged.
pub fn import_sites(path: &Path) -> Result<Import> {
    let err = |detail: String| Error::Import {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    let parsed = Sites::parse(&text).map_err(|e| err(describe_toml_error(&e)))?;
    if parsed.version > 1 {
        return Err(err(format!(
            "it is version {}, written by a newer Ferry",
            parsed.version
        )));
    }
    Ok(Import {
        sites: parsed.sites,
        ..Import::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Secret;
    use crate::secrets::SecretKind;

    #[test]
    fn export_then_import_skips_existing_names() {
        let d = tempfile::tempdir().unwrap();
        let mut mine = Sites::default();
        let mut a = Site::new("a", "h1");
        a.folder = "F".into();
        mine.add(a).unwrap();
        mine.add(Site::new("b", "h2")).unwrap();
        mine.touch_recent("quick", 22, "u");
        let file = d.path().join("export.toml");
        let mut with_unknown = mine.sites.clone();
        with_unknown[0]
            .extra
            .insert("api_key".into(), toml::Value::String("sk-live-123".into()));
        export_sites(&with_unknown, &file).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("sk-live-123") && !text.contains("api_key"),
            "an unknown key was exported: {text}"
        );
        assert!(
            !text.contains("quick"),
            "recent connections are not exported"
        );

        let mut imp = import_sites(&file).unwrap();
        assert_eq!(imp.sites, mine.sites);
        let mut other = Sites::default();
        other.add(Site::new("b", "elsewhere")).unwrap();
        imp.secrets.push((
            imp.sites[1].id.clone(),
            SecretKind::Password,
            Secret::new("x"),
        ));
        let notes = other.merge(&mut imp);
        assert_eq!(notes, ["'b' already exists: skipped"]);
        assert!(imp.secrets.is_empty(), "a skipped site's secret is dropped");
        assert_eq!(other.find("F/a").unwrap().host, "h1");
        assert_eq!(other.find("b").unwrap().host, "elsewhere");
    }
}
