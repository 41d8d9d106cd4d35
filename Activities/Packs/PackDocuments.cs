using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Storage;

namespace Pipeline.Activities.Packs;

/// <summary>A file of an opened pack and the pages it holds.</summary>
/// <param name="Pages">Pages of this file; the pack numbers its pages on in file order.</param>
public sealed record PackPart(string Sha256, string FileName, int Pages);

/// <summary>A material pack opened as one paged document, with the files it is made of.</summary>
public sealed record OpenedPack(PagedDocument Document, IReadOnlyList<PackPart> Parts) : IDisposable
{
    public void Dispose() => Document.Dispose();
}

/// <summary>
/// Opens a stored pack, one file or a <see cref="PackManifest"/> of several, as one <see cref="PagedDocument"/> whose
/// pages run on across the files (<see cref="CompositeDocument"/>). Used by the pack check and by page previews.
/// </summary>
public sealed class PackDocuments(DocumentIntake intake, IOriginalStore originals)
{
    /// <param name="original">The stored pack (a file, or a manifest).</param>
    /// <param name="fileName">The upload's name, for a one-file pack.</param>
    /// <exception cref="DocumentRejectedException">A file cannot be read (its <see cref="DocumentRejectedException.FileName"/>
    /// names it in a pack of several), or the pack has more pages than <see cref="IntakeOptions.MaxPages"/>.</exception>
    /// <exception cref="KeyNotFoundException">The manifest names a file the store does not hold.</exception>
    public async Task<OpenedPack> OpenAsync(StoredOriginal original, string fileName, CancellationToken cancellationToken)
    {
        if (PackManifest.TryRead(original.Path) is not { } files)
        {
            var single = await intake.OpenAsync(original.Path, cancellationToken).ConfigureAwait(false);
            return new OpenedPack(single, [new PackPart(original.Sha256, fileName, single.PageCount)]);
        }
        var parts = new List<PagedDocument>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var stored = originals.Find(file.Sha256) ?? throw new KeyNotFoundException($"pack file {file.Sha256} ('{file.FileName}') is not in the original store");
                try
                {
                    parts.Add(await intake.OpenAsync(stored.Path, cancellationToken).ConfigureAwait(false));
                }
                catch (DocumentRejectedException e)
                {
                    throw new DocumentRejectedException(e.Reason, e.Detail) { FileName = file.FileName };
                }
            }
            var pages = parts.Sum(p => p.PageCount);
            if (pages > intake.Options.MaxPages) throw new DocumentRejectedException(RejectionReason.TooLarge, $"{pages} pages in {files.Count} files");
            return new OpenedPack(new CompositeDocument(parts), files.Select((f, i) => new PackPart(f.Sha256, f.FileName, parts[i].PageCount)).ToList());
        }
        catch
        {
            foreach (var part in parts) part.Dispose();
            throw;
        }
    }
}
