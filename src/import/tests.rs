//! Unit tests of the whole import on small invented documents.

use super::*;
