using System.Net;

namespace Tarjama.Hub;

/// <summary>
/// Brings one blob into the cache: downloads into <c>blobs/&lt;etag&gt;.incomplete</c>, resuming with an HTTP Range what an
/// earlier try left there, checks the bytes against the etag, and only then renames the file to <c>blobs/&lt;etag&gt;</c>.
/// </summary>
internal sealed class BlobFetcher(HubHttp http, RepoCacheFolder folder, string commit, IPullObserver? observer)
{
    private const int BufferSize = 1 << 16;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    public async Task FetchAsync(RemoteFile file, CancellationToken cancellationToken)
    {
        using var blobLock = await BlobLock.AcquireAsync(
            folder.LockPath(file.Etag), () => observer?.Note($"waiting for another download of {file.Path} to finish"), cancellationToken);
        var blob = folder.BlobPath(file.Etag);
        if (File.Exists(blob))
        {
            return;
        }

        Directory.CreateDirectory(folder.BlobsDirectory);
        var incomplete = folder.IncompletePath(file.Etag);
        if (LengthOf(incomplete) is > 0 and var partial && partial < file.Size)
        {
            observer?.Note($"resuming {file.Path} from {ByteSize.Format(partial)} of {ByteSize.Format(file.Size)}");
        }

        await http.WithRetriesAsync(() => DownloadOnceAsync(file, incomplete, cancellationToken), () => LengthOf(incomplete), cancellationToken);
        Verify(file, incomplete);
        File.Move(incomplete, blob, overwrite: true);
    }

    private async Task<long> DownloadOnceAsync(RemoteFile file, string incomplete, CancellationToken cancellationToken)
    {
        var have = LengthOf(incomplete);
        if (have > file.Size)
        {
            File.Delete(incomplete);
            have = 0;
        }

        if (have == file.Size && have > 0)
        {
            return have;
        }

        using var response = await http.SendAsync(HttpMethod.Get, file.DownloadAddress, followAbsoluteRedirects: true, cancellationToken, rangeFrom: have);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The partial file no longer fits what the server has: start over on the next try.
            File.Delete(incomplete);
            throw new TransientHubException($"the server could not resume {file.Path}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw HubErrors.For(response, http.Settings, folder.Repo, commit, file.Path);
        }

        // A server that ignores Range answers 200 with the whole file: then the partial bytes are dropped.
        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (resumed && response.Content.Headers.ContentRange?.From != have)
        {
            File.Delete(incomplete);
            throw new TransientHubException($"the server resumed {file.Path} at another offset than asked");
        }

        var done = resumed ? have : 0;
        await using (var output = new FileStream(incomplete, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize))
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        using (var readDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            observer?.Progress(file.Path, done, file.Size);
            var buffer = new byte[BufferSize];
            int read;
            do
            {
                // A connection that stalls without closing must still end this try, so each read has its own deadline.
                readDeadline.CancelAfter(ReadTimeout);
                read = await body.ReadAsync(buffer, readDeadline.Token);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                done += read;
                observer?.Progress(file.Path, done, file.Size);
            }
            while (read > 0 && done <= file.Size);
        }

        if (done > file.Size)
        {
            File.Delete(incomplete);
            throw new TarjamaException($"the Hub sent more than the announced {file.Size} bytes for {file.Path} of {folder.Repo}; nothing was kept");
        }

        return done == file.Size ? done : throw new TransientHubException($"the connection closed after {done} of {file.Size} bytes of {file.Path}");
    }

    // Nothing unverified is kept: a mismatch deletes the download, so the next pull starts it afresh.
    private void Verify(RemoteFile file, string incomplete)
    {
        var kind = ContentHash.KindOf(file.Etag);
        var actual = ContentHash.Compute(incomplete, kind);
        if (actual is null)
        {
            observer?.Note($"{file.Path}: the Hub's etag {file.Etag} is not a content hash, so its bytes could not be checked");
        }
        else if (actual != file.Etag)
        {
            File.Delete(incomplete);
            throw new TarjamaException(
                $"{file.Path} of {folder.Repo} does not match its {ContentHash.Describe(kind)} {file.Etag} (got {actual}); "
                + "the download was discarded. Pull again; if it repeats, something between here and the Hub is damaging the bytes");
        }
    }

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
