using Gongjian.Domain.Privacy;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Retention from configuration (section <c>Privacy</c>), e.g. <c>Privacy__EraseAfter=180.00:00:00</c>:
/// how long after an order closes the retention timer erases the resident's personal data; how long the console's
/// staff notices and the audit of unmasked contact views are kept (the daily PurgeConsoleRecords).
/// </summary>
public sealed class PrivacyOptions
{
    public TimeSpan? EraseAfter { get; set; }

    /// <summary>Staff inbox notices older than this are deleted (default 90 days: a notice is news, the order keeps its timeline).</summary>
    public TimeSpan StaffNoticesKeepFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The audit of who saw a resident's contact is kept this long (default 3 years): longer than the data it is about
    /// (<see cref="EraseAfter"/>), so a complaint about a view can still be answered after the order's erasure.
    /// </summary>
    public TimeSpan ContactViewsKeepFor { get; set; } = TimeSpan.FromDays(3 * 365);

    /// <summary>The secret of <see cref="Access.PersonKeys"/> (base64, ≥ 32 bytes); a Key Vault reference in Azure.</summary>
    public string? PersonKeySecret { get; set; }

    public RetentionPolicy ToPolicy()
    {
        var policy = new RetentionPolicy { EraseAfter = EraseAfter ?? RetentionPolicy.Default.EraseAfter };
        if (policy.EraseAfter <= TimeSpan.Zero) throw new InvalidOperationException("Privacy:EraseAfter must be positive.");
        return policy;
    }
}
