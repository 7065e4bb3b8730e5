using System;
using System.Collections.Generic;
using Metrics.Generators.Shared.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Metrics.Generators.Shared.Declarations;

// promlint's naming rules, at build time (MG1004–MG1010), plus the declaration-level cardinality and
// type-choice rules (MG2002, MG4001, MG4003). Each checks the name as it is exposed, so that
// `promtool check metrics` on our output finds nothing the build did not report. None is fatal: the
// metric still works, the name is only a poor one.
internal sealed partial class DeclarationReader
{
    private static readonly string[] s_reservedSuffixes = ["_bucket", "_count", "_sum", "_created"];
    private static readonly string[] s_typeWords = ["counter", "gauge", "histogram", "summary"];

    // Label names that by their meaning take one value per user, request or object.
    private static readonly HashSet<string> s_unboundedLabelNames = new(StringComparer.Ordinal)
    {
        "user", "user_id", "userid", "username", "user_name", "email", "email_address", "session", "session_id",
        "request_id", "requestid", "correlation_id", "trace_id", "traceid", "span_id", "spanid", "transaction_id",
        "customer_id", "order_id", "account_id", "device_id", "client_id", "message_id", "event_id", "uuid", "guid",
        "ip", "ip_address", "client_ip", "remote_ip", "remote_addr", "url", "uri", "raw_url", "full_url", "path",
        "query", "query_string", "timestamp", "time", "date",
    };

    // Words that say a counter holds a current value rather than a running total.
    private static readonly string[] s_currentValueWords = ["current", "active", "inflight", "concurrent", "pending"];
    private static readonly string[] s_currentValuePhrases = ["in_progress", "in_flight", "queue_size", "queue_length", "queue_depth"];
    private static readonly string[] s_currentValueSuffixes = ["_size", "_length", "_depth"];

    private static readonly HashSet<string> s_statusLabelNames = new(StringComparer.Ordinal)
    {
        "status", "status_code", "code", "http_status", "http_status_code", "response_code",
    };

    private void CheckNaming(AttributeData attribute, MetricKind kind, string? name)
    {
        if (name is null)
        {
            return;
        }

        var location = ArgumentLocation(attribute, null);
        var endsInTotal = name.EndsWith("_total", StringComparison.Ordinal);

        // One spot, one fix: a camelCase name gets MG1009 alone, whose suggestion already carries a counter's
        // _total (MG1005 would quote "httpRequests_total", a name MG1009 then rejects).
        var camelCase = IsCamelCase(name);
        if (camelCase)
        {
            var snake = NameRules.ToSnakeCase(name);
            if (kind == MetricKind.Counter && !snake.EndsWith("_total", StringComparison.Ordinal))
            {
                snake += "_total";
            }

            Report(DiagnosticDescriptors.CamelCaseName, location, "metric", name, snake);
        }

        if (kind == MetricKind.Counter && !endsInTotal && !camelCase)
        {
            Report(DiagnosticDescriptors.CounterWithoutTotal, location, name);
        }
        else if (kind != MetricKind.Counter && endsInTotal)
        {
            Report(DiagnosticDescriptors.TotalOnNonCounter, location, name, KindWord(kind));
        }

        var stem = UnitRules.StemOf(name, kind);
        foreach (var suffix in s_reservedSuffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.ReservedSuffix, location, name, suffix);
                break;
            }
        }

        // promlint sees the exposed family name: a counter always carries _total there.
        var exposed = (kind == MetricKind.Counter ? stem + "_total" : name).ToLowerInvariant();
        foreach (var word in s_typeWords)
        {
            if (ContainsSegment(exposed, word))
            {
                Report(DiagnosticDescriptors.TypeInName, location, name, word);
                break;
            }
        }

        foreach (var segment in exposed.Split('_'))
        {
            if (UnitRules.ExpandAbbreviation(segment) is { } full && ContainsSegment(exposed, segment))
            {
                Report(DiagnosticDescriptors.AbbreviatedUnit, location, name, segment, full);
                break;
            }
        }

        if (kind == MetricKind.Counter && CurrentValueWord(stem) is { } word2)
        {
            Report(DiagnosticDescriptors.CounterForCurrentValue, location, name, word2);
        }
    }

    // Per label, once its name is known to be valid: MG1009 (camelCase), MG2002 (unbounded by meaning, unless
    // AllowedValues lists every value it can take), MG4003 (status on a latency histogram).
    private void CheckLabelName(Location location, string label, MetricKind kind, string metric, bool boundByAllowedValues)
    {
        if (IsCamelCase(label))
        {
            Report(DiagnosticDescriptors.CamelCaseName, location, "label", label, NameRules.ToSnakeCase(label));
        }

        if (!boundByAllowedValues && s_unboundedLabelNames.Contains(label.ToLowerInvariant()))
        {
            Report(DiagnosticDescriptors.UnboundedLabelName, location, label, metric);
        }

        if (kind == MetricKind.Histogram && s_statusLabelNames.Contains(label.ToLowerInvariant()) && IsLatencyName(metric))
        {
            Report(DiagnosticDescriptors.StatusLabelOnLatency, location, label, metric);
        }
    }

    private static bool IsLatencyName(string metric)
        => metric.EndsWith("_seconds", StringComparison.Ordinal)
           || metric.IndexOf("duration", StringComparison.OrdinalIgnoreCase) >= 0
           || metric.IndexOf("latency", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string? CurrentValueWord(string stem)
    {
        var lower = stem.ToLowerInvariant();
        foreach (var phrase in s_currentValuePhrases)
        {
            if (ContainsSegment(lower, phrase) || lower.StartsWith(phrase + "_", StringComparison.Ordinal))
            {
                return phrase;
            }
        }

        foreach (var word in s_currentValueWords)
        {
            if (ContainsSegment(lower, word) || lower.StartsWith(word + "_", StringComparison.Ordinal))
            {
                return word;
            }
        }

        foreach (var suffix in s_currentValueSuffixes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix.Substring(1);
            }
        }

        return null;
    }

    // promlint's test: "_word_" inside the name or "_word" at its end.
    private static bool ContainsSegment(string name, string word)
        => name.IndexOf("_" + word + "_", StringComparison.Ordinal) >= 0 || name.EndsWith("_" + word, StringComparison.Ordinal);

    // promlint's camelCase test: a lower-case letter followed by an upper-case one.
    private static bool IsCamelCase(string name)
    {
        for (var i = 1; i < name.Length; i++)
        {
            if (name[i - 1] >= 'a' && name[i - 1] <= 'z' && name[i] >= 'A' && name[i] <= 'Z')
            {
                return true;
            }
        }

        return false;
    }

    private static string KindWord(MetricKind kind) => kind switch
    {
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
        MetricKind.Summary => "summary",
        _ => "counter",
    };
}
