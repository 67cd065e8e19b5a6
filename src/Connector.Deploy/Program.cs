Console.WriteLine("deploy: not yet");
