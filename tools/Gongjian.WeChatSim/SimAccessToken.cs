namespace Gongjian.WeChatSim;

/// <summary>
/// A simulated platform's access token, one at a time as on WeChat and WeCom: asked for again, the same token until it
/// expires (<see cref="Expire"/>) or a refresh is forced; then a new one, and the old one is wrong from then on.
/// </summary>
public sealed class SimAccessToken(string prefix)
{
    private readonly object _gate = new();
    private string? _token;
    private bool _expired;
    private int _requests;

    /// <summary>How often a token was asked for, with the right credentials or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Counts a token request (before its credentials are checked).</summary>
    public void CountRequest() => Interlocked.Increment(ref _requests);

    public string Issue(bool force = false)
    {
        lock (_gate)
        {
            if (force || _token is null || _expired)
            {
                _token = prefix + Guid.NewGuid().ToString("N");
                _expired = false;
            }
            return _token;
        }
    }

    /// <summary>The current token stops working, as at expiry.</summary>
    public void Expire()
    {
        lock (_gate) _expired = true;
    }

    public SimTokenCheck Check(string? token)
    {
        lock (_gate)
        {
            if (token is null) return SimTokenCheck.Missing;
            if (token != _token) return SimTokenCheck.Wrong;
            return _expired ? SimTokenCheck.Expired : SimTokenCheck.Valid;
        }
    }
}

/// <summary>How an API call's access token stands against the simulated platform's current one.</summary>
public enum SimTokenCheck { Valid, Missing, Wrong, Expired }
