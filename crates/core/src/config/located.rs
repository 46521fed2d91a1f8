//! Reads a typed value (a question bank) out of parsed JSON and, when it does
//! not fit the schema, says exactly where: `bank.questions[0].text.en`.
//!
//! serde_json's own errors carry only a line and column, which a web team
//! cannot map to a field of a 60 KB file. This deserializer walks a
//! `serde_json::Value`, knows the path of every value it hands out, and
//! stamps that path on the first error raised inside it. The schema types
//! stay the single source of truth: nothing here knows about banks.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::Value;

use super::problem::{join, Expected, Found, ProblemKind};

/// Deserializes `T` from `value`; on failure, the path (starting at `base`)
/// of the value that doesn't fit, and what is wrong with it.
pub(super) fn read<T: DeserializeOwned>(
    value: &Value,
    base: &str,
) -> Result<T, (String, ProblemKind)> {
    T::deserialize(Node::new(value, &Seg::Root(base))).map_err(|e| {
        let path = e.path.unwrap_or_else(|| base.to_string());
        (path, e.kind)
    })
}

/// A path as a chain of borrowed segments, rendered only when an error
/// needs it: a valid bank costs no string building.
enum Seg<'s> {
    Root(&'s str),
    Key(&'s Seg<'s>, &'s str),
    Index(&'s Seg<'s>, usize),
}

impl Seg<'_> {
    fn render(&self) -> String {
        match self {
            Seg::Root(base) => base.to_string(),
            Seg::Key(parent, key) => join(&parent.render(), key),
            Seg::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

#[derive(Debug)]
pub(super) struct Misfit {
    path: Option<String>,
    /// A missing field is reported by its object; its name completes the path.
    missing: Option<&'static str>,
    kind: ProblemKind,
}

impl Misfit {
    fn new(kind: ProblemKind) -> Misfit {
        Misfit {
            path: None,
            missing: None,
            kind,
        }
    }

    /// The innermost value an error passes through is where it is.
    fn at(mut self, seg: &Seg) -> Misfit {
        if self.path.is_none() {
            let mut path = seg.render();
            if let Some(field) = self.missing {
                path = join(&path, field);
            }
            self.path = Some(path);
        }
        self
    }
}

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl std::error::Error for Misfit {}

impl de::Error for Misfit {
    fn custom<T: fmt::Display>(msg: T) -> Misfit {
        Misfit::new(ProblemKind::Schema(msg.to_string()))
    }

    fn invalid_type(found: Unexpected, expected: &dyn de::Expected) -> Misfit {
        Misfit::new(ProblemKind::Mismatch {
            expected: expected_of(expected),
            found: found_of(found),
        })
    }

    fn invalid_value(found: Unexpected, expected: &dyn de::Expected) -> Misfit {
        Misfit::invalid_type(found, expected)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Misfit {
        Misfit::new(ProblemKind::UnknownName {
            found: variant.to_string(),
            allowed: expected.iter().map(|s| s.to_string()).collect(),
        })
    }

    fn unknown_field(_field: &str, expected: &'static [&'static str]) -> Misfit {
        Misfit::new(ProblemKind::UnknownField {
            allowed: expected.iter().map(|s| s.to_string()).collect(),
        })
    }

    fn missing_field(field: &'static str) -> Misfit {
        Misfit {
            missing: Some(field),
            ..Misfit::new(ProblemKind::Missing)
        }
    }
}

/// serde names what it wanted in Rust terms ("u8", "a string"); a web team
/// needs JSON terms and the allowed range.
fn expected_of(expected: &dyn de::Expected) -> Expected {
    let text = expected.to_string();
    match text.as_str() {
        "u8" => Expected::WholeNumber {
            min: 0,
            max: u8::MAX.into(),
        },
        "u32" => Expected::WholeNumber {
            min: 0,
            max: u32::MAX.into(),
        },
        "i32" => Expected::WholeNumber {
            min: i32::MIN.into(),
            max: i32::MAX.into(),
        },
        "a boolean" => Expected::TrueFalse,
        "a string" | "a borrowed string" => Expected::Text,
        "a sequence" => Expected::List,
        t if t.starts_with("struct ") || t == "a map" => Expected::Object,
        _ => Expected::Other(text),
    }
}

fn found_of(found: Unexpected) -> Found {
    match found {
        Unexpected::Bool(b) => Found::Bool(b),
        Unexpected::Unsigned(n) => Found::Number(n.to_string()),
        Unexpected::Signed(n) => Found::Number(n.to_string()),
        // As serde_json writes the number, not through `f64`'s `Display`,
        // whose 14 KB of code would otherwise ship in the configuration reader.
        Unexpected::Float(n) => Found::Number(
            serde_json::Number::from_f64(n).map_or_else(|| "NaN".to_string(), |n| n.to_string()),
        ),
        Unexpected::Str(s) => Found::Text(s.to_string()),
        Unexpected::Char(c) => Found::Text(c.to_string()),
        Unexpected::Unit | Unexpected::Option => Found::Null,
        Unexpected::Seq => Found::List,
        Unexpected::Map => Found::Object,
        // serde's own words for the rest (its `Display` would bring the
        // float formatting back).
        Unexpected::Bytes(_) => Found::Other("byte array".to_string()),
        Unexpected::UnitVariant => Found::Other("unit variant".to_string()),
        Unexpected::NewtypeStruct => Found::Other("newtype struct".to_string()),
        Unexpected::NewtypeVariant => Found::Other("newtype variant".to_string()),
        Unexpected::TupleVariant => Found::Other("tuple variant".to_string()),
        Unexpected::StructVariant => Found::Other("struct variant".to_string()),
        Unexpected::Enum => Found::Other("enum".to_string()),
        Unexpected::Other(other) => Found::Other(other.to_string()),
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A value and where it sits: under `at`, or under `at.child` for the value
/// of an enum variant, whose segment could not outlive the call that read
/// the variant's name.
struct Node<'a, 'p> {
    value: &'a Value,
    at: &'p Seg<'p>,
    child: Option<&'a str>,
}

impl<'a, 'p> Node<'a, 'p> {
    fn new(value: &'a Value, at: &'p Seg<'p>) -> Node<'a, 'p> {
        Node {
            value,
            at,
            child: None,
        }
    }
}

/// The segment of a node, built on the caller's stack.
macro_rules! here {
    ($node:expr, $slot:ident) => {
        match $node.child {
            Some(key) => {
                $slot = Seg::Key($node.at, key);
                &$slot
            }
            None => $node.at,
        }
    };
}

impl<'de> Deserializer<'de> for Node<'de, '_> {
    type Error = Misfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Misfit> {
        let slot;
        let at = here!(self, slot);
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = Items {
                    items: items.iter(),
                    index: 0,
                    at,
                };
                match visitor.visit_seq(&mut seq) {
                    Ok(_) if seq.items.len() > 0 => {
                        Err(de::Error::invalid_length(items.len(), &"fewer elements"))
                    }
                    out => out,
                }
            }
            Value::Object(map) => {
                let mut entries = Entries {
                    entries: map.iter(),
                    pending: None,
                    at,
                };
                match visitor.visit_map(&mut entries) {
                    Ok(_) if entries.entries.len() > 0 => {
                        Err(de::Error::invalid_length(map.len(), &"fewer fields"))
                    }
                    out => out,
                }
            }
        };
        result.map_err(|e| e.at(at))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Misfit> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Misfit> {
        visitor.visit_newtype_struct(self)
    }

    /// Externally tagged, as serde_json writes enums: `"single"` for a unit
    /// variant, `{"all": [...]}` for the others.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Misfit> {
        let names = || variants.iter().map(|v| v.to_string()).collect();
        let slot;
        let at = here!(self, slot);
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) => match (map.len(), map.iter().next()) {
                (1, Some((key, value))) => visitor.visit_enum(Variant { key, value, at }),
                _ => Err(Misfit::new(ProblemKind::Mismatch {
                    expected: Expected::OneKeyOf(names()),
                    found: Found::Object,
                })),
            },
            other => Err(Misfit::new(ProblemKind::Mismatch {
                expected: Expected::OneOf(names()),
                found: found_of(unexpected(other)),
            })),
        }
        .map_err(|e| e.at(at))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Misfit> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier
    }
}

/// An object's key, as the deserializer of a field or variant name; an
/// unknown name is reported at `object.name`.
struct Key<'a, 'p> {
    key: &'a str,
    at: &'p Seg<'p>,
}

impl<'de> Deserializer<'de> for Key<'de, '_> {
    type Error = Misfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Misfit> {
        let seg = Seg::Key(self.at, self.key);
        visitor
            .visit_borrowed_str::<Misfit>(self.key)
            .map_err(|e| e.at(&seg))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct Items<'a, 'p> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
    at: &'p Seg<'p>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Misfit;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Misfit> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let seg = Seg::Index(self.at, self.index);
        self.index += 1;
        seed.deserialize(Node::new(value, &seg)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a, 'p> {
    entries: serde_json::map::Iter<'a>,
    pending: Option<(&'a str, &'a Value)>,
    at: &'p Seg<'p>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Misfit;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Misfit> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(Key { key, at: self.at }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Misfit> {
        match self.pending.take() {
            Some((key, value)) => {
                let seg = Seg::Key(self.at, key);
                seed.deserialize(Node::new(value, &seg))
            }
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// `{"variant": value}`.
struct Variant<'a, 'p> {
    key: &'a str,
    value: &'a Value,
    at: &'p Seg<'p>,
}

impl<'de, 'p> EnumAccess<'de> for Variant<'de, 'p> {
    type Error = Misfit;
    type Variant = Node<'de, 'p>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Node<'de, 'p>), Misfit> {
        let name = seed.deserialize(Key {
            key: self.key,
            at: self.at,
        })?;
        let node = Node {
            value: self.value,
            at: self.at,
            child: Some(self.key),
        };
        Ok((name, node))
    }
}

impl<'de> VariantAccess<'de> for Node<'de, '_> {
    type Error = Misfit;

    fn unit_variant(self) -> Result<(), Misfit> {
        let slot;
        let at = here!(self, slot);
        match self.value {
            Value::Null => Ok(()),
            other => Err(<Misfit as de::Error>::invalid_type(unexpected(other), &"null").at(at)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Misfit> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Misfit> {
        self.deserialize_any(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Misfit> {
        self.deserialize_any(visitor)
    }
}
