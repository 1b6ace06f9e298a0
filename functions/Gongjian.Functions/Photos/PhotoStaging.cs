using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Gongjian.Functions.Storage;
using Gongjian.Media;

namespace Gongjian.Functions.Photos;

/// <summary>
/// Photos a resident sends in chat before the order exists: already checked and stripped of
/// metadata (<see cref="PhotoStore.Prepare"/>), kept in the private <c>photos</c> container at
/// <c>staging/{id}</c> — only the id goes into the conversation state — and moved to the order when
/// it is placed. Photos of a wish that was never submitted are removed by the chat retention job.
/// </summary>
public sealed partial class PhotoStaging(StorageClients storage, ILogger<PhotoStaging> log)
{
    public const string Prefix = "staging/";
    private readonly BlobContainerClient _container = storage.Photos;

    public async Task<IReadOnlyList<string>> StageAsync(IReadOnlyList<SanitizedPhoto> photos, CancellationToken ct)
    {
        var ids = photos.Select(p => $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}{p.Inspection.Format!.Value.FileExtension()}").ToList();
        await Task.WhenAll(photos.Select((p, i) => PhotoStore.UploadAsync(_container.GetBlobClient(Prefix + ids[i]), p, ct)));
        return ids;
    }

    /// <summary>
    /// The staged photos, checked again on the way out (cheap, and nothing unchecked can reach an
    /// order even if the id was tampered with). A staged photo that is gone is left out and logged.
    /// </summary>
    public async Task<IReadOnlyList<SanitizedPhoto>> LoadAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var loaded = await Task.WhenAll(ids.Select(async id =>
        {
            if (!StagedId().IsMatch(id)) return null;
            try
            {
                var content = await _container.GetBlobClient(Prefix + id).DownloadContentAsync(ct);
                var photo = PhotoSanitizer.Sanitize(content.Value.Content.ToMemory().Span);
                return photo.IsAccepted ? photo : null;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }));
        if (loaded.Any(p => p is null))
            log.LogWarning("{Missing} of {Count} staged photos were missing or unreadable; the order is placed without them", loaded.Count(p => p is null), ids.Count);
        return [.. loaded.OfType<SanitizedPhoto>()];
    }

    /// <summary>Removes staged photos once they are stored with their order (best effort: the retention job catches the rest).</summary>
    public async Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(ids.Where(id => StagedId().IsMatch(id)).Select(id => _container.GetBlobClient(Prefix + id).DeleteIfExistsAsync(cancellationToken: ct)));
        }
        catch (RequestFailedException e)
        {
            log.LogWarning(e, "Staged photos were not deleted; the retention job will remove them");
        }
    }

    /// <summary>Deletes staged photos last written before <paramref name="cutoff"/>: one listing page per 5,000 blobs, one delete each.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, ct))
        {
            if (blob.Properties.LastModified is not { } modified || modified >= cutoff) continue;
            await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: ct);
            deleted++;
        }
        return deleted;
    }

    [GeneratedRegex("^[0-9a-f]{24}\\.(jpg|png|webp)$")]
    private static partial Regex StagedId();
}
