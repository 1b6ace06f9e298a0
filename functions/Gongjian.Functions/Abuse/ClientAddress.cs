using System.Net;
using System.Net.Sockets;

namespace Gongjian.Functions.Abuse;

/// <summary>
/// The client's address as a rate-limit key: the connection's address, which the forwarded-headers
/// middleware has replaced by the client's when the request came through a trusted proxy.
/// An IPv6 client is keyed by its /64: one home or phone gets a whole /64 and can pick any address in it.
/// </summary>
public static class ClientAddress
{
    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "addr:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "addr:" + new IPAddress(bytes) + "/64";
        }
        return "addr:" + address;
    }
}
