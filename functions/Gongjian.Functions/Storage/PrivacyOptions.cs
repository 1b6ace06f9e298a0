using Gongjian.Domain.Privacy;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Retention from configuration (section <c>Privacy</c>), e.g. <c>Privacy__EraseAfter=180.00:00:00</c>:
/// how long after an order closes the retention timer erases the resident's personal data.
/// </summary>
public sealed class PrivacyOptions
{
    public TimeSpan? EraseAfter { get; set; }

    public RetentionPolicy ToPolicy()
    {
        var policy = new RetentionPolicy { EraseAfter = EraseAfter ?? RetentionPolicy.Default.EraseAfter };
        if (policy.EraseAfter <= TimeSpan.Zero) throw new InvalidOperationException("Privacy:EraseAfter must be positive.");
        return policy;
    }
}
