public class T2 { [Fact] public void A() => Assert.True(true); }
