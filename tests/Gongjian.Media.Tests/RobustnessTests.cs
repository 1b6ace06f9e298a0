using Gongjian.Media.Tests.Support;
using Xunit;

namespace Gongjian.Media.Tests;

public class RobustnessTests
{
    [Theory]
    [InlineData(Fixture.GpsJpeg)]
    [InlineData(Fixture.RotatedProgressiveJpeg)]
    [InlineData(Fixture.TextPng)]
    [InlineData(Fixture.ExifWebp)]
    [InlineData(Fixture.LosslessWebp)]
    public void Damaged_uploads_give_a_result_never_an_exception(string file)
    {
        var photo = Fixture.Load(file);
        var random = new Random(file.Length);

        // Seeded so a failure reproduces; each mutant either passes inspection and sanitizes cleanly or is refused.
        for (int i = 0; i < 3000; i++)
        {
            var mutant = Mutate(photo, random);
            var result = PhotoSanitizer.Sanitize(mutant);
            if (result.IsAccepted) Assert.True(PhotoInspector.Inspect(result.Bytes).IsAccepted);
            else Assert.NotNull(result.Inspection.ReasonCode);
        }
    }

    private static byte[] Mutate(byte[] photo, Random random)
    {
        var copy = (byte[])photo.Clone();
        switch (random.Next(3))
        {
            case 0:
                for (int n = random.Next(1, 4); n > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            case 1:
                // Lengths and sizes live in the first bytes of each structure: hit the header region harder.
                copy[random.Next(Math.Min(copy.Length, 64))] = (byte)random.Next(256);
                return copy;
            default:
                int at = random.Next(copy.Length), cut = Math.Min(random.Next(1, 16), copy.Length - at);
                return Fixture.Concat(copy[..at], copy[(at + cut)..]);
        }
    }
}
