using System.Globalization;
using Metrics.Generators.Shared;

namespace Metrics.Generators.Monitoring;

/// <summary>
/// MonitoringOptions are the choices <see cref="MonitoringArtifacts"/> cannot read from the declarations: how the
/// rules file and the dashboard aggregate, over which window, and what the latency SLO alert demands. Every
/// property has a default, so <c>new MonitoringOptions()</c> (or passing null) gives the conventional set-up:
/// aggregate by <c>job</c>, 5-minute rate windows, alert when fewer than 99% of observations meet the SLO for 5 minutes.
/// </summary>
/// <remarks>
/// Options are checked when an artifact is generated, not here; a bad value throws <see cref="ArgumentException"/>
/// naming the property. Immutable once built; safe to share between threads.
/// </remarks>
public sealed class MonitoringOptions
{
    /// <summary>The name of the one rule group in the rules file. Default <c>metrics-generators</c>.</summary>
    public string GroupName { get; init; } = "metrics-generators";

    /// <summary>
    /// The <c>rate()</c> window of every rule and panel, written as a Prometheus duration (<c>5m</c>) and part of
    /// every rule name (<c>:rate5m</c>). A whole number of milliseconds, at least one. Default 5 minutes.
    /// </summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The labels every rule keeps when it sums over instances (<c>sum by (job)</c>), in order; they also name the
    /// rule's aggregation level (<c>job:</c>, or <c>cluster_job:</c> for <c>["cluster", "job"]</c>) and become the
    /// dashboard's template variables. At least one valid, distinct label name. Default <c>["job"]</c>.
    /// </summary>
    public IReadOnlyList<string> AggregationLabels { get; init; } = ["job"];

    /// <summary>
    /// The fraction of a histogram's observations that must fall at or under its declared SLO threshold; the SLO
    /// alert fires below it. Strictly between 0 and 1. Default 0.99.
    /// </summary>
    public double SloTarget { get; init; } = 0.99;

    /// <summary>How long the SLO fraction must stay below <see cref="SloTarget"/> before the alert fires (<c>for:</c>). Zero fires at once. Default 5 minutes.</summary>
    public TimeSpan SloAlertFor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>severity</c> label of the SLO alerts, for Alertmanager routing. Default <c>warning</c>.</summary>
    public string AlertSeverity { get; init; } = "warning";

    /// <summary>The dashboard title. Default <c>Metrics</c>.</summary>
    public string Title { get; init; } = "Metrics";

    /// <summary>
    /// The dashboard uid, so re-importing or provisioning replaces the dashboard instead of adding a copy; null
    /// derives it from <see cref="Title"/> (lower case, letters, digits and dashes, at most 40 characters).
    /// </summary>
    public string? DashboardUid { get; init; }

    /// <summary>Checks every option; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(GroupName))
        {
            throw new ArgumentException("MonitoringOptions.GroupName must not be blank.", nameof(GroupName));
        }

        if (RateWindow < TimeSpan.FromMilliseconds(1) || RateWindow.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException($"MonitoringOptions.RateWindow must be a whole number of milliseconds, at least 1 ms, not {RateWindow}.", nameof(RateWindow));
        }

        if (SloAlertFor < TimeSpan.Zero || SloAlertFor.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException($"MonitoringOptions.SloAlertFor must be a whole, non-negative number of milliseconds, not {SloAlertFor}.", nameof(SloAlertFor));
        }

        if (!(SloTarget > 0 && SloTarget < 1))
        {
            throw new ArgumentException($"MonitoringOptions.SloTarget must be strictly between 0 and 1, not {SloTarget.ToString("R", CultureInfo.InvariantCulture)}.", nameof(SloTarget));
        }

        if (string.IsNullOrWhiteSpace(AlertSeverity))
        {
            throw new ArgumentException("MonitoringOptions.AlertSeverity must not be blank.", nameof(AlertSeverity));
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ArgumentException("MonitoringOptions.Title must not be blank.", nameof(Title));
        }

        if (DashboardUid is not null && !IsValidUid(DashboardUid))
        {
            throw new ArgumentException($"MonitoringOptions.DashboardUid '{DashboardUid}' must be 1-40 characters of letters, digits, '-' and '_'.", nameof(DashboardUid));
        }

        if (AggregationLabels is null || AggregationLabels.Count == 0)
        {
            throw new ArgumentException("MonitoringOptions.AggregationLabels must name at least one label (usually job).", nameof(AggregationLabels));
        }

        for (var i = 0; i < AggregationLabels.Count; i++)
        {
            var label = AggregationLabels[i];
            if (!NameRules.IsValidLabelName(label) || label is "le" or "quantile")
            {
                throw new ArgumentException($"MonitoringOptions.AggregationLabels: '{label}' is not a label name rules can aggregate by.", nameof(AggregationLabels));
            }

            for (var j = 0; j < i; j++)
            {
                if (AggregationLabels[j] == label)
                {
                    throw new ArgumentException($"MonitoringOptions.AggregationLabels: '{label}' is listed twice.", nameof(AggregationLabels));
                }
            }
        }
    }

    /// <summary><see cref="DashboardUid"/>, or one derived from <see cref="Title"/>: the same title always gives the same uid.</summary>
    internal string EffectiveDashboardUid()
    {
        if (DashboardUid is not null)
        {
            return DashboardUid;
        }

        var slug = new System.Text.StringBuilder();
        foreach (var c in Title.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var uid = slug.ToString().Trim('-');
        if (uid.Length > 40)
        {
            uid = uid[..40].TrimEnd('-');
        }

        return uid.Length == 0 ? "metrics-generators" : uid;
    }

    private static bool IsValidUid(string uid)
    {
        if (uid.Length is 0 or > 40)
        {
            return false;
        }

        foreach (var c in uid)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
