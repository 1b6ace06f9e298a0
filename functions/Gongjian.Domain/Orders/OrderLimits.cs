namespace Gongjian.Domain.Orders;

public static class OrderLimits
{
    public const int TextMax = 2000;
    public const int ReasonMax = 500;
    public const int NoteMax = 2000;
    public const int CommentMax = 500;
    public const int AddressMax = 200;
    public const int NameMax = 50;
    public const int PhotosMax = 9;
    /// <summary>After this many reopenings the dispatcher must step in instead of the resident.</summary>
    public const int ReopensMax = 3;
}
