// Generated from the Rust crates by crates/app/src/bindings.rs: do not edit.
// Regenerate: JOURNEYLAB_BLESS=1 cargo test -p journeylab-app --test bindings
import type { FormatCase } from "./FormatCase";

/** What the engine's formatter (crates/engine/src/format.rs) writes: the UI's must write the same. */
export const FORMAT_CASES: FormatCase[] = [
  {
    "kind": "thousands",
    "x": 0.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "thousands",
    "x": 0.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "percent",
    "x": 0.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "thousands",
    "x": 0.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "percent",
    "x": 0.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "money",
    "x": 0.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0"
  },
  {
    "kind": "money",
    "x": 0.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0"
  },
  {
    "kind": "money",
    "x": 0.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "±0"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "±0.00 pts"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.000 pts"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "±$0"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0 h"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "±0.0 h"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0 h"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0 s"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "±0.0 s"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0 s"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0 min"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "±0.0 min"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0 min"
  },
  {
    "kind": "value",
    "x": 0.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "delta",
    "x": 0.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "±0.00"
  },
  {
    "kind": "se",
    "x": 0.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0"
  },
  {
    "kind": "share",
    "x": 0.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "thousands",
    "x": -0.0001,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": -0.0001,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "thousands",
    "x": -0.0001,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "percent",
    "x": -0.0001,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "thousands",
    "x": -0.0001,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "percent",
    "x": -0.0001,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "-0.01 %"
  },
  {
    "kind": "money",
    "x": -0.0001,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "money",
    "x": -0.0001,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.00"
  },
  {
    "kind": "money",
    "x": -0.0001,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.00"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "−0.0"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-0.0001"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-0.01 %"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "−0.01 pts"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-0.010 pts"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-0.01 %"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "−$0.00"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$0.0001"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0 h"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "−0.0 h"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-0.0001 h"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0 s"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "−0.0 s"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-0.0001 s"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0 min"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "−0.0 min"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-0.0001 min"
  },
  {
    "kind": "value",
    "x": -0.0001,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "delta",
    "x": -0.0001,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "−0.00"
  },
  {
    "kind": "se",
    "x": -0.0001,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": -0.0001,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-0.0001"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "-£0.0001"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "-£0.0001"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "-0.01 %"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "-£0.0001"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": -0.0001,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "-£0.0001"
  },
  {
    "kind": "share",
    "x": -0.0001,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "-0.01 %"
  },
  {
    "kind": "thousands",
    "x": 0.00002,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.00002,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "thousands",
    "x": 0.00002,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "percent",
    "x": 0.00002,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "thousands",
    "x": 0.00002,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "percent",
    "x": 0.00002,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "money",
    "x": 0.00002,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "money",
    "x": 0.00002,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.00"
  },
  {
    "kind": "money",
    "x": 0.00002,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.00"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.0"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.00002"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+<0.01 pts"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.002 pts"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.00"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00002"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0 h"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 h"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.00002 h"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0 s"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 s"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.00002 s"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0 min"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 min"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.00002 min"
  },
  {
    "kind": "value",
    "x": 0.00002,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.00"
  },
  {
    "kind": "se",
    "x": 0.00002,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.00002,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.00002"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.00002"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "0.0 %"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.00002"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "0.00 %"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.00002"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.00002,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.00002"
  },
  {
    "kind": "share",
    "x": 0.00002,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "<0.01 %"
  },
  {
    "kind": "thousands",
    "x": 0.0042,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.0042,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "thousands",
    "x": 0.0042,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "percent",
    "x": 0.0042,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.4 %"
  },
  {
    "kind": "thousands",
    "x": 0.0042,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "percent",
    "x": 0.0042,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.42 %"
  },
  {
    "kind": "money",
    "x": 0.0042,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "money",
    "x": 0.0042,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.00"
  },
  {
    "kind": "money",
    "x": 0.0042,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.00"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.0"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0042"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.42 %"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+0.42 pts"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.420 pts"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "0.42 %"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.00"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.00"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.0042"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0 h"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 h"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0042 h"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0 s"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 s"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0042 s"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0 min"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 min"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0042 min"
  },
  {
    "kind": "value",
    "x": 0.0042,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.00"
  },
  {
    "kind": "delta",
    "x": 0.0042,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.00"
  },
  {
    "kind": "se",
    "x": 0.0042,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0042,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0042"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.0042"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "0.4 %"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.0042"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "0.42 %"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.0042"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "0 %"
  },
  {
    "kind": "axis",
    "x": 0.0042,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.0042"
  },
  {
    "kind": "share",
    "x": 0.0042,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "0.42 %"
  },
  {
    "kind": "thousands",
    "x": 0.0421,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.0421,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "4 %"
  },
  {
    "kind": "thousands",
    "x": 0.0421,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "percent",
    "x": 0.0421,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "4.2 %"
  },
  {
    "kind": "thousands",
    "x": 0.0421,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.04"
  },
  {
    "kind": "percent",
    "x": 0.0421,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "4.21 %"
  },
  {
    "kind": "money",
    "x": 0.0421,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.04"
  },
  {
    "kind": "money",
    "x": 0.0421,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.04"
  },
  {
    "kind": "money",
    "x": 0.0421,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.04"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.0"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.0421"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "4.21 %"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+4.21 pts"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "4.210 pts"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "4.21 %"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.04"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.04"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.04"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.0421"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0 h"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 h"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.0421 h"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0 s"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 s"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.0421 s"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0 min"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.0 min"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.0421 min"
  },
  {
    "kind": "value",
    "x": 0.0421,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.04"
  },
  {
    "kind": "delta",
    "x": 0.0421,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.04"
  },
  {
    "kind": "se",
    "x": 0.0421,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0"
  },
  {
    "kind": "compact",
    "x": 0.0421,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.0421"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "4 %"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.0421"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "4.2 %"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.0421"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "4.21 %"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.0421"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "4 %"
  },
  {
    "kind": "axis",
    "x": 0.0421,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.0421"
  },
  {
    "kind": "share",
    "x": 0.0421,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "4.2 %"
  },
  {
    "kind": "thousands",
    "x": 0.1234,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.1234,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "12 %"
  },
  {
    "kind": "thousands",
    "x": 0.1234,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "percent",
    "x": 0.1234,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "12.3 %"
  },
  {
    "kind": "thousands",
    "x": 0.1234,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.12"
  },
  {
    "kind": "percent",
    "x": 0.1234,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "12.34 %"
  },
  {
    "kind": "money",
    "x": 0.1234,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.12"
  },
  {
    "kind": "money",
    "x": 0.1234,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.12"
  },
  {
    "kind": "money",
    "x": 0.1234,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.12"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.1"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.123"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "12.34 %"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+12.34 pts"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "12.340 pts"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "12.3 %"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.12"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.12"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.12"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.123"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.1 h"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.1 h"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.123 h"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.1 s"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.1 s"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.123 s"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.1 min"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.1 min"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.123 min"
  },
  {
    "kind": "value",
    "x": 0.1234,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.12"
  },
  {
    "kind": "delta",
    "x": 0.1234,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.12"
  },
  {
    "kind": "se",
    "x": 0.1234,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.1"
  },
  {
    "kind": "compact",
    "x": 0.1234,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.123"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "12 %"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.123"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "12.3 %"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.123"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "12.34 %"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.123"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "12 %"
  },
  {
    "kind": "axis",
    "x": 0.1234,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.123"
  },
  {
    "kind": "share",
    "x": 0.1234,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "12.3 %"
  },
  {
    "kind": "thousands",
    "x": 0.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "0"
  },
  {
    "kind": "percent",
    "x": 0.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "50 %"
  },
  {
    "kind": "thousands",
    "x": 0.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "percent",
    "x": 0.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "50.0 %"
  },
  {
    "kind": "thousands",
    "x": 0.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.50"
  },
  {
    "kind": "percent",
    "x": 0.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "50.00 %"
  },
  {
    "kind": "money",
    "x": 0.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.50"
  },
  {
    "kind": "money",
    "x": 0.5,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.50"
  },
  {
    "kind": "money",
    "x": 0.5,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.50"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.5"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "50.00 %"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+50.00 pts"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "50.000 pts"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "50.0 %"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.50"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.50"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.50"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.5"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.5 h"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.5 h"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.5 h"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.5 s"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.5 s"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.5 s"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.5 min"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.5 min"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.5 min"
  },
  {
    "kind": "value",
    "x": 0.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.50"
  },
  {
    "kind": "delta",
    "x": 0.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.50"
  },
  {
    "kind": "se",
    "x": 0.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "compact",
    "x": 0.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.5"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "50 %"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.5"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "50.0 %"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.5"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "50.00 %"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.5"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "50 %"
  },
  {
    "kind": "axis",
    "x": 0.5,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.5"
  },
  {
    "kind": "share",
    "x": 0.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "50.0 %"
  },
  {
    "kind": "thousands",
    "x": 0.94123,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1"
  },
  {
    "kind": "percent",
    "x": 0.94123,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "94 %"
  },
  {
    "kind": "thousands",
    "x": 0.94123,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "percent",
    "x": 0.94123,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "94.1 %"
  },
  {
    "kind": "thousands",
    "x": 0.94123,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "0.94"
  },
  {
    "kind": "percent",
    "x": 0.94123,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "94.12 %"
  },
  {
    "kind": "money",
    "x": 0.94123,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$0.94"
  },
  {
    "kind": "money",
    "x": 0.94123,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€0.94"
  },
  {
    "kind": "money",
    "x": 0.94123,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 0.94"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+0.9"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "0.941"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "94.12 %"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+94.12 pts"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "94.123 pts"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "94.1 %"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.94"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$0.94"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.94"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$0.941"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.9 h"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+0.9 h"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "0.941 h"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.9 s"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+0.9 s"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "0.941 s"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.9 min"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+0.9 min"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "0.941 min"
  },
  {
    "kind": "value",
    "x": 0.94123,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.94"
  },
  {
    "kind": "delta",
    "x": 0.94123,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+0.94"
  },
  {
    "kind": "se",
    "x": 0.94123,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.9"
  },
  {
    "kind": "compact",
    "x": 0.94123,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "0.941"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "94 %"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£0.941"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "94.1 %"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£0.941"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "94.12 %"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£0.941"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "94 %"
  },
  {
    "kind": "axis",
    "x": 0.94123,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£0.941"
  },
  {
    "kind": "share",
    "x": 0.94123,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "94.1 %"
  },
  {
    "kind": "thousands",
    "x": 1.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1"
  },
  {
    "kind": "percent",
    "x": 1.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "100 %"
  },
  {
    "kind": "thousands",
    "x": 1.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "percent",
    "x": 1.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "100.0 %"
  },
  {
    "kind": "thousands",
    "x": 1.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "1.00"
  },
  {
    "kind": "percent",
    "x": 1.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "100.00 %"
  },
  {
    "kind": "money",
    "x": 1.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$1"
  },
  {
    "kind": "money",
    "x": 1.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€1"
  },
  {
    "kind": "money",
    "x": 1.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 1"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+1"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "100.00 %"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+100.00 pts"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "100.000 pts"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "100.0 %"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$1"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1.0 h"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+1.0 h"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1 h"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1.0 s"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+1.0 s"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1 s"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1.0 min"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+1.0 min"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1 min"
  },
  {
    "kind": "value",
    "x": 1.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1.00"
  },
  {
    "kind": "delta",
    "x": 1.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+1.00"
  },
  {
    "kind": "se",
    "x": 1.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1.0"
  },
  {
    "kind": "compact",
    "x": 1.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "100 %"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£1"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "100.0 %"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£1"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "100.00 %"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£1"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "100 %"
  },
  {
    "kind": "axis",
    "x": 1.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£1"
  },
  {
    "kind": "share",
    "x": 1.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "100.0 %"
  },
  {
    "kind": "thousands",
    "x": 2.346,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "2"
  },
  {
    "kind": "percent",
    "x": 2.346,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "235 %"
  },
  {
    "kind": "thousands",
    "x": 2.346,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "percent",
    "x": 2.346,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "234.6 %"
  },
  {
    "kind": "thousands",
    "x": 2.346,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "2.35"
  },
  {
    "kind": "percent",
    "x": 2.346,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "234.60 %"
  },
  {
    "kind": "money",
    "x": 2.346,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$2.35"
  },
  {
    "kind": "money",
    "x": 2.346,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€2.35"
  },
  {
    "kind": "money",
    "x": 2.346,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 2.35"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+2.3"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2.35"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "234.60 %"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+234.60 pts"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "234.600 pts"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "234.6 %"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2.35"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$2.35"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2.35"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2.35"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2.3 h"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+2.3 h"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2.35 h"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2.3 s"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+2.3 s"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2.35 s"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2.3 min"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+2.3 min"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2.35 min"
  },
  {
    "kind": "value",
    "x": 2.346,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2.35"
  },
  {
    "kind": "delta",
    "x": 2.346,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+2.35"
  },
  {
    "kind": "se",
    "x": 2.346,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2.3"
  },
  {
    "kind": "compact",
    "x": 2.346,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2.35"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "235 %"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£2.35"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "234.6 %"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£2.35"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "234.60 %"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£2.35"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "235 %"
  },
  {
    "kind": "axis",
    "x": 2.346,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£2.35"
  },
  {
    "kind": "share",
    "x": 2.346,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "234.6 %"
  },
  {
    "kind": "thousands",
    "x": 9.96,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "10"
  },
  {
    "kind": "percent",
    "x": 9.96,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "996 %"
  },
  {
    "kind": "thousands",
    "x": 9.96,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "percent",
    "x": 9.96,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "996.0 %"
  },
  {
    "kind": "thousands",
    "x": 9.96,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "9.96"
  },
  {
    "kind": "percent",
    "x": 9.96,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "996.00 %"
  },
  {
    "kind": "money",
    "x": 9.96,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$9.96"
  },
  {
    "kind": "money",
    "x": 9.96,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€9.96"
  },
  {
    "kind": "money",
    "x": 9.96,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 9.96"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+10.0"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "9.96"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "996.00 %"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+996.00 pts"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "996.000 pts"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "996.0 %"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$9.96"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$9.96"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$9.96"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$9.96"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "10.0 h"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+10.0 h"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "9.96 h"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "10.0 s"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+10.0 s"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "9.96 s"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "10.0 min"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+10.0 min"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "9.96 min"
  },
  {
    "kind": "value",
    "x": 9.96,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "9.96"
  },
  {
    "kind": "delta",
    "x": 9.96,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+9.96"
  },
  {
    "kind": "se",
    "x": 9.96,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "10.0"
  },
  {
    "kind": "compact",
    "x": 9.96,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "9.96"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "996 %"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£9.96"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "996.0 %"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£9.96"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "996.00 %"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£9.96"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "996 %"
  },
  {
    "kind": "axis",
    "x": 9.96,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£9.96"
  },
  {
    "kind": "share",
    "x": 9.96,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "996.0 %"
  },
  {
    "kind": "thousands",
    "x": 12.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "12"
  },
  {
    "kind": "percent",
    "x": 12.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1,250 %"
  },
  {
    "kind": "thousands",
    "x": 12.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "percent",
    "x": 12.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "1,250.0 %"
  },
  {
    "kind": "thousands",
    "x": 12.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "12.50"
  },
  {
    "kind": "percent",
    "x": 12.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "1,250.00 %"
  },
  {
    "kind": "money",
    "x": 12.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$12.50"
  },
  {
    "kind": "money",
    "x": 12.5,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€12.50"
  },
  {
    "kind": "money",
    "x": 12.5,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 12.50"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+12"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,250.00 %"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+1,250.00 pts"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,250.000 pts"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,250.0 %"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12.50"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$12.50"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12.50"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12.5"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12 h"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+12 h"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12.5 h"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12 s"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+12 s"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12.5 s"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12 min"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+12 min"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12.5 min"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12"
  },
  {
    "kind": "delta",
    "x": 12.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+12"
  },
  {
    "kind": "se",
    "x": 12.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "compact",
    "x": 12.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12.5"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "1,250 %"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£12.5"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "1,250.0 %"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£12.5"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "1,250.00 %"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£12.5"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "1,250 %"
  },
  {
    "kind": "axis",
    "x": 12.5,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£12.5"
  },
  {
    "kind": "share",
    "x": 12.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "1,250.0 %"
  },
  {
    "kind": "thousands",
    "x": 99.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "100"
  },
  {
    "kind": "percent",
    "x": 99.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "9,950 %"
  },
  {
    "kind": "thousands",
    "x": 99.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "percent",
    "x": 99.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "9,950.0 %"
  },
  {
    "kind": "thousands",
    "x": 99.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "99.50"
  },
  {
    "kind": "percent",
    "x": 99.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "9,950.00 %"
  },
  {
    "kind": "money",
    "x": 99.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$99.50"
  },
  {
    "kind": "money",
    "x": 99.5,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€99.50"
  },
  {
    "kind": "money",
    "x": 99.5,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 99.50"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "100"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+100"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "9,950.00 %"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+9,950.00 pts"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "9,950.000 pts"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "9,950.0 %"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$99.50"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$99.50"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$99.50"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$99.5"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "100 h"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+100 h"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "99.5 h"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "100 s"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+100 s"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "99.5 s"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "100 min"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+100 min"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "99.5 min"
  },
  {
    "kind": "value",
    "x": 99.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "100"
  },
  {
    "kind": "delta",
    "x": 99.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+100"
  },
  {
    "kind": "se",
    "x": 99.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "compact",
    "x": 99.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "99.5"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "9,950 %"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£99.5"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "9,950.0 %"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£99.5"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "9,950.00 %"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£99.5"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "9,950 %"
  },
  {
    "kind": "axis",
    "x": 99.5,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£99.5"
  },
  {
    "kind": "share",
    "x": 99.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "9,950.0 %"
  },
  {
    "kind": "thousands",
    "x": -1234.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "-1,234"
  },
  {
    "kind": "percent",
    "x": -1234.5,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "-123,450 %"
  },
  {
    "kind": "thousands",
    "x": -1234.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "percent",
    "x": -1234.5,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "-123,450.0 %"
  },
  {
    "kind": "thousands",
    "x": -1234.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "-1,234.50"
  },
  {
    "kind": "percent",
    "x": -1234.5,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "-123,450.00 %"
  },
  {
    "kind": "money",
    "x": -1234.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "-$1,234"
  },
  {
    "kind": "money",
    "x": -1234.5,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "-€1,234"
  },
  {
    "kind": "money",
    "x": -1234.5,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "-CHF 1,234"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-1,234"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "−1,234"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-1,234"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-123,450.00 %"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "−123,450.00 pts"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-123,450.000 pts"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-123,450.0 %"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$1,234"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "−$1,234"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$1,234"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$1,234"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 h"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "−1,234 h"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 h"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 s"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "−1,234 s"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 s"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 min"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "−1,234 min"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-1,234 min"
  },
  {
    "kind": "value",
    "x": -1234.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-1,234"
  },
  {
    "kind": "delta",
    "x": -1234.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "−1,234"
  },
  {
    "kind": "se",
    "x": -1234.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-1,234.5"
  },
  {
    "kind": "compact",
    "x": -1234.5,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-1,234"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "-123,450 %"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "-£1,234"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "-123,450.0 %"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "-£1,234"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "-123,450.00 %"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "-£1,234"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "-123,450 %"
  },
  {
    "kind": "axis",
    "x": -1234.5,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "-£1,234"
  },
  {
    "kind": "share",
    "x": -1234.5,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "-123,450.0 %"
  },
  {
    "kind": "thousands",
    "x": 12345.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "12,345"
  },
  {
    "kind": "percent",
    "x": 12345.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1,234,500 %"
  },
  {
    "kind": "thousands",
    "x": 12345.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "percent",
    "x": 12345.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "1,234,500.0 %"
  },
  {
    "kind": "thousands",
    "x": 12345.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "12,345.00"
  },
  {
    "kind": "percent",
    "x": 12345.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "1,234,500.00 %"
  },
  {
    "kind": "money",
    "x": 12345.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$12,345"
  },
  {
    "kind": "money",
    "x": 12345.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€12,345"
  },
  {
    "kind": "money",
    "x": 12345.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 12,345"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12,345"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+12,345"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "12.3k"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,234,500.00 %"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,500.00 pts"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,234,500.000 pts"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,234,500.0 %"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12,345"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$12,345"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12,345"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$12.3k"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12,345 h"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+12,345 h"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "12.3k h"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12,345 s"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+12,345 s"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "12.3k s"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12,345 min"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+12,345 min"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "12.3k min"
  },
  {
    "kind": "value",
    "x": 12345.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12,345"
  },
  {
    "kind": "delta",
    "x": 12345.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+12,345"
  },
  {
    "kind": "se",
    "x": 12345.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12,345.0"
  },
  {
    "kind": "compact",
    "x": 12345.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "12.3k"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "1,234,500 %"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£12.3k"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "1,234,500.0 %"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£12.3k"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "1,234,500.00 %"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£12.3k"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "1,234,500 %"
  },
  {
    "kind": "axis",
    "x": 12345.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£12.3k"
  },
  {
    "kind": "share",
    "x": 12345.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "1,234,500.0 %"
  },
  {
    "kind": "thousands",
    "x": 182400.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "182,400"
  },
  {
    "kind": "percent",
    "x": 182400.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "18,240,000 %"
  },
  {
    "kind": "thousands",
    "x": 182400.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "percent",
    "x": 182400.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "18,240,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 182400.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "182,400.00"
  },
  {
    "kind": "percent",
    "x": 182400.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "18,240,000.00 %"
  },
  {
    "kind": "money",
    "x": 182400.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$182,400"
  },
  {
    "kind": "money",
    "x": 182400.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€182,400"
  },
  {
    "kind": "money",
    "x": 182400.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 182,400"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "182,400"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+182,400"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "182k"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "18,240,000.00 %"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+18,240,000.00 pts"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "18,240,000.000 pts"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "18,240,000.0 %"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$182,400"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$182,400"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$182,400"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$182k"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "182,400 h"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+182,400 h"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "182k h"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "182,400 s"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+182,400 s"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "182k s"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "182,400 min"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+182,400 min"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "182k min"
  },
  {
    "kind": "value",
    "x": 182400.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "182,400"
  },
  {
    "kind": "delta",
    "x": 182400.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+182,400"
  },
  {
    "kind": "se",
    "x": 182400.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "182,400.0"
  },
  {
    "kind": "compact",
    "x": 182400.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "182k"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "18,240,000 %"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£182k"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "18,240,000.0 %"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£182k"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "18,240,000.00 %"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£182k"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "18,240,000 %"
  },
  {
    "kind": "axis",
    "x": 182400.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£182k"
  },
  {
    "kind": "share",
    "x": 182400.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "18,240,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 999999.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "999,999"
  },
  {
    "kind": "percent",
    "x": 999999.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "99,999,900 %"
  },
  {
    "kind": "thousands",
    "x": 999999.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "percent",
    "x": 999999.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "99,999,900.0 %"
  },
  {
    "kind": "thousands",
    "x": 999999.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "999,999.00"
  },
  {
    "kind": "percent",
    "x": 999999.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "99,999,900.00 %"
  },
  {
    "kind": "money",
    "x": 999999.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$999,999"
  },
  {
    "kind": "money",
    "x": 999999.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€999,999"
  },
  {
    "kind": "money",
    "x": 999999.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 999,999"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "999,999"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+999,999"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1M"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "99,999,900.00 %"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+99,999,900.00 pts"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "99,999,900.000 pts"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "99,999,900.0 %"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$999,999"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$999,999"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$999,999"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1M"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "999,999 h"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+999,999 h"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1M h"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "999,999 s"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+999,999 s"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1M s"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "999,999 min"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+999,999 min"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1M min"
  },
  {
    "kind": "value",
    "x": 999999.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "999,999"
  },
  {
    "kind": "delta",
    "x": 999999.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+999,999"
  },
  {
    "kind": "se",
    "x": 999999.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "999,999.0"
  },
  {
    "kind": "compact",
    "x": 999999.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1M"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "99,999,900 %"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£1M"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "99,999,900.0 %"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£1M"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "99,999,900.00 %"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£1M"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "99,999,900 %"
  },
  {
    "kind": "axis",
    "x": 999999.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£1M"
  },
  {
    "kind": "share",
    "x": 999999.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "99,999,900.0 %"
  },
  {
    "kind": "thousands",
    "x": 1234567.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1,234,567"
  },
  {
    "kind": "percent",
    "x": 1234567.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "123,456,700 %"
  },
  {
    "kind": "thousands",
    "x": 1234567.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "percent",
    "x": 1234567.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "123,456,700.0 %"
  },
  {
    "kind": "thousands",
    "x": 1234567.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "1,234,567.00"
  },
  {
    "kind": "percent",
    "x": 1234567.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "123,456,700.00 %"
  },
  {
    "kind": "money",
    "x": 1234567.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$1,234,567"
  },
  {
    "kind": "money",
    "x": 1234567.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€1,234,567"
  },
  {
    "kind": "money",
    "x": 1234567.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 1,234,567"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,567"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "1.23M"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "123,456,700.00 %"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+123,456,700.00 pts"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "123,456,700.000 pts"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "123,456,700.0 %"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1,234,567"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$1,234,567"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1,234,567"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$1.23M"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567 h"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,567 h"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "1.23M h"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567 s"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,567 s"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "1.23M s"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567 min"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,567 min"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "1.23M min"
  },
  {
    "kind": "value",
    "x": 1234567.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567"
  },
  {
    "kind": "delta",
    "x": 1234567.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+1,234,567"
  },
  {
    "kind": "se",
    "x": 1234567.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1,234,567.0"
  },
  {
    "kind": "compact",
    "x": 1234567.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "1.23M"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "123,456,700 %"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£1.23M"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "123,456,700.0 %"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£1.23M"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "123,456,700.00 %"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£1.23M"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "123,456,700 %"
  },
  {
    "kind": "axis",
    "x": 1234567.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£1.23M"
  },
  {
    "kind": "share",
    "x": 1234567.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "123,456,700.0 %"
  },
  {
    "kind": "thousands",
    "x": -2500000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "-2,500,000"
  },
  {
    "kind": "percent",
    "x": -2500000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "-250,000,000 %"
  },
  {
    "kind": "thousands",
    "x": -2500000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "percent",
    "x": -2500000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "-250,000,000.0 %"
  },
  {
    "kind": "thousands",
    "x": -2500000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "-2,500,000.00"
  },
  {
    "kind": "percent",
    "x": -2500000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "-250,000,000.00 %"
  },
  {
    "kind": "money",
    "x": -2500000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "-$2,500,000"
  },
  {
    "kind": "money",
    "x": -2500000.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "-€2,500,000"
  },
  {
    "kind": "money",
    "x": -2500000.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "-CHF 2,500,000"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "−2,500,000"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "-2.5M"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-250,000,000.00 %"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "−250,000,000.00 pts"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-250,000,000.000 pts"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "-250,000,000.0 %"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$2,500,000"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "−$2,500,000"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$2,500,000"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "-$2.5M"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000 h"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "−2,500,000 h"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "-2.5M h"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000 s"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "−2,500,000 s"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "-2.5M s"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000 min"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "−2,500,000 min"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "-2.5M min"
  },
  {
    "kind": "value",
    "x": -2500000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000"
  },
  {
    "kind": "delta",
    "x": -2500000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "−2,500,000"
  },
  {
    "kind": "se",
    "x": -2500000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-2,500,000.0"
  },
  {
    "kind": "compact",
    "x": -2500000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "-2.5M"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "-250,000,000 %"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "-£2.5M"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "-250,000,000.0 %"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "-£2.5M"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "-250,000,000.00 %"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "-£2.5M"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "-250,000,000 %"
  },
  {
    "kind": "axis",
    "x": -2500000.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "-£2.5M"
  },
  {
    "kind": "share",
    "x": -2500000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "-250,000,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 2500000000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "2,500,000,000"
  },
  {
    "kind": "percent",
    "x": 2500000000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "250,000,000,000 %"
  },
  {
    "kind": "thousands",
    "x": 2500000000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "percent",
    "x": 2500000000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "250,000,000,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 2500000000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "2,500,000,000.00"
  },
  {
    "kind": "percent",
    "x": 2500000000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "250,000,000,000.00 %"
  },
  {
    "kind": "money",
    "x": 2500000000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$2,500,000,000"
  },
  {
    "kind": "money",
    "x": 2500000000.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€2,500,000,000"
  },
  {
    "kind": "money",
    "x": 2500000000.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 2,500,000,000"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+2,500,000,000"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "2.5B"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "250,000,000,000.00 %"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+250,000,000,000.00 pts"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "250,000,000,000.000 pts"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "250,000,000,000.0 %"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2,500,000,000"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$2,500,000,000"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2,500,000,000"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$2.5B"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000 h"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+2,500,000,000 h"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "2.5B h"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000 s"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+2,500,000,000 s"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "2.5B s"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000 min"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+2,500,000,000 min"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "2.5B min"
  },
  {
    "kind": "value",
    "x": 2500000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000"
  },
  {
    "kind": "delta",
    "x": 2500000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+2,500,000,000"
  },
  {
    "kind": "se",
    "x": 2500000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2,500,000,000.0"
  },
  {
    "kind": "compact",
    "x": 2500000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "2.5B"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "250,000,000,000 %"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£2.5B"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "250,000,000,000.0 %"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£2.5B"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "250,000,000,000.00 %"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£2.5B"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "250,000,000,000 %"
  },
  {
    "kind": "axis",
    "x": 2500000000.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£2.5B"
  },
  {
    "kind": "share",
    "x": 2500000000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "250,000,000,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "15,000,000,000,000"
  },
  {
    "kind": "percent",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 0.0,
    "currency": "USD",
    "text": "1,500,000,000,000,000 %"
  },
  {
    "kind": "thousands",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "percent",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 1.0,
    "currency": "USD",
    "text": "1,500,000,000,000,000.0 %"
  },
  {
    "kind": "thousands",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "15,000,000,000,000.00"
  },
  {
    "kind": "percent",
    "x": 15000000000000.0,
    "unit": null,
    "arg": 2.0,
    "currency": "USD",
    "text": "1,500,000,000,000,000.00 %"
  },
  {
    "kind": "money",
    "x": 15000000000000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "$15,000,000,000,000"
  },
  {
    "kind": "money",
    "x": 15000000000000.0,
    "unit": null,
    "arg": null,
    "currency": "EUR",
    "text": "€15,000,000,000,000"
  },
  {
    "kind": "money",
    "x": 15000000000000.0,
    "unit": null,
    "arg": null,
    "currency": "CHF",
    "text": "CHF 15,000,000,000,000"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "+15,000,000,000,000"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "count",
    "arg": null,
    "currency": "USD",
    "text": "15T"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,500,000,000,000,000.00 %"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+1,500,000,000,000,000.00 pts"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,500,000,000,000,000.000 pts"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "1,500,000,000,000,000.0 %"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$15,000,000,000,000"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "+$15,000,000,000,000"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$15,000,000,000,000"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "$15T"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000 h"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "+15,000,000,000,000 h"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "hours",
    "arg": null,
    "currency": "USD",
    "text": "15T h"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000 s"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "+15,000,000,000,000 s"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "seconds",
    "arg": null,
    "currency": "USD",
    "text": "15T s"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000 min"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "+15,000,000,000,000 min"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "minutes",
    "arg": null,
    "currency": "USD",
    "text": "15T min"
  },
  {
    "kind": "value",
    "x": 15000000000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000"
  },
  {
    "kind": "delta",
    "x": 15000000000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "+15,000,000,000,000"
  },
  {
    "kind": "se",
    "x": 15000000000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "15,000,000,000,000.0"
  },
  {
    "kind": "compact",
    "x": 15000000000000.0,
    "unit": "number",
    "arg": null,
    "currency": "USD",
    "text": "15T"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": 0.05,
    "currency": "USD",
    "text": "1,500,000,000,000,000 %"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": 0.05,
    "currency": "GBP",
    "text": "£15T"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": 0.005,
    "currency": "USD",
    "text": "1,500,000,000,000,000.0 %"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": 0.005,
    "currency": "GBP",
    "text": "£15T"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": 0.0002,
    "currency": "USD",
    "text": "1,500,000,000,000,000.00 %"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": 0.0002,
    "currency": "GBP",
    "text": "£15T"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "rate",
    "arg": 1000.0,
    "currency": "USD",
    "text": "1,500,000,000,000,000 %"
  },
  {
    "kind": "axis",
    "x": 15000000000000.0,
    "unit": "money",
    "arg": 1000.0,
    "currency": "GBP",
    "text": "£15T"
  },
  {
    "kind": "share",
    "x": 15000000000000.0,
    "unit": null,
    "arg": null,
    "currency": "USD",
    "text": "1,500,000,000,000,000.0 %"
  },
  {
    "kind": "delta",
    "x": -0.018,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "−1.80 pts"
  },
  {
    "kind": "delta",
    "x": 0.00002,
    "unit": "rate",
    "arg": null,
    "currency": "USD",
    "text": "+<0.01 pts"
  },
  {
    "kind": "delta",
    "x": -74784.0,
    "unit": "money",
    "arg": null,
    "currency": "USD",
    "text": "−$74,784"
  },
  {
    "kind": "value",
    "x": 12.5,
    "unit": "money",
    "arg": null,
    "currency": "JPY",
    "text": "¥12.50"
  }
];
